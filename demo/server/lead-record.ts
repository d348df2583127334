/**
 * Acme CRM's API record format (what `GET /api/leads` returns). Every value is a string, like
 * HubSpot's properties: dates are ISO 8601 (UTC, `…Z`), multi-values are joined with ";", and
 * empty is "". See demo/README.md for the full field list.
 *
 * `campaigns` is a ";"-list of `campaignId:state:response` entries, e.g.
 * `"email:excluded:opened;sms:participating:"` (an empty response means none yet).
 */
import type { DemoCampaignEntry, DemoLead } from './lead-mapping';
import { CUSTOM_PROPERTY_PREFIX, DEMO_CUSTOM_FIELDS } from './custom-fields';

/** A lead record as the API sends it: string values only. */
export type LeadRecord = Record<string, string>;

/** Separator of multi-valued properties. */
export const LIST_SEPARATOR = ';';

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/** Encodes campaign entries as `campaignId:state:response` joined with ";". */
export function encodeCampaigns(entries: readonly DemoCampaignEntry[]): string {
  return entries.map((e) => `${e.campaignId}:${e.state}:${e.response}`).join(LIST_SEPARATOR);
}

/** The API record of a demo lead. */
export function toLeadRecord(lead: DemoLead): LeadRecord {
  const record: LeadRecord = {
    id: lead.id,
    first_name: lead.firstName,
    last_name: lead.lastName,
    email: lead.email,
    company: lead.company,
    phone: lead.phone,
    lead_source: lead.source,
    lead_origin: lead.origin,
    status: lead.status,
    priority: lead.priority,
    tags: lead.tags.join(LIST_SEPARATOR),
    country: lead.country,
    language: lead.language,
    created_at: iso(lead.createdAt),
    last_contact_at: iso(lead.lastContactAt),
    updated_at: iso(lead.updatedAt),
    campaigns: encodeCampaigns(lead.campaigns),
  };
  for (const field of DEMO_CUSTOM_FIELDS) record[CUSTOM_PROPERTY_PREFIX + field.key] = lead.custom[field.key] ?? '';
  return record;
}
