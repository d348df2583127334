/**
 * The demo CRM's in-memory lead store: listing (search, status filter, sort, pagination), lookup,
 * status edits, campaign statistics and custom field definitions with their options.
 */
import { CAMPAIGNS, LEAD_PRIORITIES, LEAD_STATUSES } from '../common/catalog';
import { DEMO_CUSTOM_FIELDS, type DemoFieldType } from './custom-fields';
import { CampaignAudiences } from './campaign-audiences';
import type { DemoLead } from './lead-mapping';

/** Columns the list can be sorted by (API `sort=`), named like the record properties. */
export const SORT_KEYS = [
  'id',
  'name',
  'email',
  'company',
  'lead_source',
  'lead_origin',
  'status',
  'priority',
  'country',
  'language',
  'created_at',
  'last_contact_at',
  'updated_at',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** A list request, already validated. `page` is 1-based. */
export interface LeadQuery {
  page: number;
  pageSize: number;
  q: string;
  status: string;
  sort: SortKey;
  dir: SortDir;
  /** Only leads whose `updatedAt` (epoch ms) is at or after this, or null for all. */
  updatedSince: number | null;
}

/** One page of a list request. */
export interface LeadPageResult {
  total: number;
  leads: DemoLead[];
}

/** A custom field definition as `GET /api/fields` returns it (options for enumerations). */
export interface FieldDefinitionRecord {
  key: string;
  label: string;
  type: DemoFieldType;
  options: string[];
}

/** A campaign as `GET /api/campaigns` returns it: string values (counts as decimal text). */
export type CampaignRecord = Record<
  'id' | 'name' | 'channel' | 'status' | 'participants' | 'excluded' | 'responded' | 'segments_audience' | 'segments_audience_at',
  string
>;

type SortValue = string | number | null;

const rank = (list: readonly string[], value: string): number | null => {
  const i = list.indexOf(value);
  return i === -1 ? (value === '' ? null : list.length) : i;
};

function sortValue(lead: DemoLead, key: SortKey): SortValue {
  const text = (s: string): string | null => (s === '' ? null : s.toLowerCase());
  switch (key) {
    case 'id':
      return lead.number;
    case 'name':
      return text(`${lead.firstName} ${lead.lastName}`);
    case 'email':
      return text(lead.email);
    case 'company':
      return text(lead.company);
    case 'lead_source':
      return text(lead.source);
    case 'lead_origin':
      return text(lead.origin);
    case 'status':
      return rank(LEAD_STATUSES, lead.status);
    case 'priority':
      return rank(LEAD_PRIORITIES, lead.priority);
    case 'country':
      return text(lead.country);
    case 'language':
      return text(lead.language);
    case 'created_at':
      return lead.createdAt;
    case 'last_contact_at':
      return lead.lastContactAt;
    case 'updated_at':
      return lead.updatedAt;
  }
}

/** Compares two sort values; empty values sort last in both directions, ties break by lead number. */
function compareLeads(a: DemoLead, b: DemoLead, key: SortKey, dir: SortDir): number {
  const va = sortValue(a, key);
  const vb = sortValue(b, key);
  if (va === null || vb === null) {
    if (va !== vb) return va === null ? 1 : -1;
  } else if (va !== vb) {
    const order = va < vb ? -1 : 1;
    return dir === 'asc' ? order : -order;
  }
  return dir === 'asc' ? a.number - b.number : b.number - a.number;
}

/** A status edit was refused; `message` says why in plain language. */
export class LeadEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeadEditError';
  }
}

/** In-memory leads of the demo CRM. `clock()` gives the CRM's current time (epoch ms). */
export class LeadStore {
  private readonly byId = new Map<string, DemoLead>();
  /** Audiences sent by CRM Segments, per campaign id (issue 8). */
  readonly audiences = new CampaignAudiences();
  private readonly sorted = new Map<string, DemoLead[]>();
  private readonly haystacks = new Map<string, string>();
  private fieldCache: FieldDefinitionRecord[] | undefined;

  constructor(
    leads: readonly DemoLead[],
    private readonly clock: () => number,
  ) {
    for (const lead of leads) {
      this.byId.set(lead.id, lead);
      this.haystacks.set(
        lead.id,
        [`${lead.firstName} ${lead.lastName}`, lead.email, lead.company, lead.id, lead.phone, lead.source, lead.country]
          .join('\n')
          .toLowerCase(),
      );
    }
  }

  /** The CRM's current time (epoch ms): the reference time plus the time since the server started. */
  now(): number {
    return this.clock();
  }

  /** Number of leads held. */
  get size(): number {
    return this.byId.size;
  }

  /** One page of leads matching `query` (search is a case-insensitive substring of name, email, company, id, phone, source, country). */
  list(query: LeadQuery): LeadPageResult {
    let leads = this.sortedBy(query.sort, query.dir);
    const needle = query.q.trim().toLowerCase();
    if (needle !== '') leads = leads.filter((l) => (this.haystacks.get(l.id) ?? '').includes(needle));
    if (query.status !== '') leads = leads.filter((l) => l.status === query.status);
    const since = query.updatedSince;
    if (since !== null) leads = leads.filter((l) => l.updatedAt >= since);
    const start = (query.page - 1) * query.pageSize;
    return { total: leads.length, leads: leads.slice(start, start + query.pageSize) };
  }

  /** The lead with record id `id`, or undefined. */
  get(id: string): DemoLead | undefined {
    return this.byId.get(id);
  }

  /**
   * Sets a lead's status (one of LEAD_STATUSES) and bumps its `updatedAt` when it changed.
   * Returns the lead, or undefined when there is no such lead. Throws LeadEditError for an unknown status.
   */
  setStatus(id: string, status: string): DemoLead | undefined {
    const lead = this.byId.get(id);
    if (!lead) return undefined;
    if (!(LEAD_STATUSES as readonly string[]).includes(status)) {
      throw new LeadEditError(`status must be one of ${LEAD_STATUSES.join(', ')}`);
    }
    if (lead.status !== status) {
      lead.status = status;
      lead.updatedAt = Math.max(this.clock(), lead.updatedAt + 1);
      this.sorted.clear();
    }
    return lead;
  }

  /** Campaigns of docs/semantics.md §6 with their participant, exclusion and response counts. */
  campaigns(): CampaignRecord[] {
    return CAMPAIGNS.map((c) => {
      let participants = 0;
      let excluded = 0;
      let responded = 0;
      const sent = this.audiences.get(c.id);
      for (const lead of this.byId.values()) {
        for (const entry of lead.campaigns) {
          if (entry.campaignId !== c.id) continue;
          if (entry.state === 'participating') participants++;
          else excluded++;
          if (entry.response !== '') responded++;
        }
      }
      return {
        id: c.id,
        name: c.name,
        channel: c.channel,
        status: c.status,
        participants: String(participants),
        excluded: String(excluded),
        responded: String(responded),
        // Leads CRM Segments sent as this campaign's audience ("" before the first send).
        segments_audience: sent ? String(sent.leadIds.length) : '',
        segments_audience_at: sent ? new Date(sent.updatedAt).toISOString() : '',
      };
    });
  }

  /** Custom field definitions; enumerations list every non-empty value present, sorted. */
  fieldDefinitions(): FieldDefinitionRecord[] {
    this.fieldCache ??= DEMO_CUSTOM_FIELDS.map((f) => {
      const options =
        f.type === 'enumeration'
          ? [...new Set([...this.byId.values()].map((l) => l.custom[f.key] ?? '').filter((v) => v !== ''))].sort((a, b) =>
              a.localeCompare(b, 'en'),
            )
          : [];
      return { key: f.key, label: f.label, type: f.type, options };
    });
    return this.fieldCache;
  }

  private sortedBy(key: SortKey, dir: SortDir): DemoLead[] {
    const cacheKey = `${key}:${dir}`;
    let leads = this.sorted.get(cacheKey);
    if (!leads) {
      leads = [...this.byId.values()].sort((a, b) => compareLeads(a, b, key, dir));
      this.sorted.set(cacheKey, leads);
    }
    return leads;
  }
}
