/**
 * Acme CRM (demo) record → Lead conversion (docs/semantics.md §2, §6). Records (`GET /api/leads`): every value
 * a string; ISO 8601 dates; ";"-joined multi-values; "" = empty; custom fields as `cf_<key>`;
 * campaigns as `campaignId:state:response[:respondedAt]` entries joined with ";".
 *
 * Hostile or broken records (issue 9): properties are read as OWN properties only (a custom field
 * called `constructor` or `__proto__` is data, never the prototype's); a property that is absent,
 * `null` or of the wrong JSON type is "missing" — reported in `missingFields` so the sync keeps the
 * stored value instead of blanking it; a record that carries nothing but an id is refused.
 */
import {
  CAMPAIGN_RESPONSES,
  type CustomFieldDef,
  type CustomValue,
  type Lead,
  type LeadCampaign,
} from '../schema';
import type { LeadConversion } from './types';
import { parseBooleanText, parseIsoText, parseNumberText, splitListText } from './value-parsers';

const CUSTOM_PREFIX = 'cf_';

/** Acme's standard record properties → Lead fields (`first_name`/`last_name` both make `name`). */
const STANDARD_PROPERTIES: ReadonlyArray<readonly [property: string, field: string]> = [
  ['first_name', 'name'],
  ['last_name', 'name'],
  ['email', 'email'],
  ['company', 'company'],
  ['phone', 'phone'],
  ['lead_source', 'source'],
  ['lead_origin', 'groupName'],
  ['status', 'status'],
  ['priority', 'priority'],
  ['tags', 'tags'],
  ['country', 'country'],
  ['language', 'language'],
  ['created_at', 'createdAt'],
  ['last_contact_at', 'lastContactAt'],
  ['updated_at', 'crmUpdatedAt'],
  ['campaigns', 'campaigns'],
];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects unconvertible values (docs/semantics.md §2: stored as null, counted) and fields the record did not carry. */
class FieldNotes {
  count = 0;
  readonly nulled = new Set<string>();
  readonly missing = new Set<string>();
  note(field: string): void {
    this.count++;
    this.nulled.add(field);
  }
}

/**
 * A property's text: undefined when empty (""), missing (absent, null) or not a string (noted as
 * unconvertible and missing: an unreadable value never replaces a stored one).
 */
function textOf(record: Record<string, unknown>, property: string, field: string, notes: FieldNotes): string | undefined {
  const value = Object.hasOwn(record, property) ? record[property] : undefined;
  if (value === undefined || value === null) {
    notes.missing.add(field);
    return undefined;
  }
  if (typeof value !== 'string') {
    notes.note(field);
    notes.missing.add(field);
    return undefined;
  }
  return value === '' ? undefined : value;
}

/** Converts with `parse`; unconvertible text is noted and gives undefined (standard fields are optional, not nullable). */
function convertOptional<T>(
  record: Record<string, unknown>,
  property: string,
  field: string,
  notes: FieldNotes,
  parse: (text: string) => T | null | undefined,
): T | undefined {
  const text = textOf(record, property, field, notes);
  if (text === undefined) return undefined;
  const value = parse(text);
  if (value === null) {
    notes.note(field);
    return undefined;
  }
  return value;
}

const RESPONSES: readonly string[] = CAMPAIGN_RESPONSES;

/** Parses `campaignId:state:response[:respondedAt]` entries; bad entries are dropped and noted. */
function campaignsOf(text: string | undefined, notes: FieldNotes): LeadCampaign[] {
  const campaigns: LeadCampaign[] = [];
  for (const entry of splitListText(text ?? '')) {
    const [campaignId = '', state = '', response = '', ...rest] = entry.split(':').map((p) => p.trim());
    if (campaignId === '' || (state !== 'participating' && state !== 'excluded')) {
      notes.note('campaigns');
      continue;
    }
    const campaign: LeadCampaign = { campaignId, state };
    if (response !== '') {
      if (RESPONSES.includes(response)) campaign.response = response as LeadCampaign['response'];
      else notes.note('campaigns');
    }
    const respondedAt = parseIsoText(rest.join(':'));
    if (respondedAt === null) notes.note('campaigns');
    else if (respondedAt !== undefined) campaign.respondedAt = respondedAt;
    campaigns.push(campaign);
  }
  return campaigns;
}

/** A custom value converted by its definition's type; undefined = empty or absent (not stored). */
function customValueOf(def: CustomFieldDef, record: Record<string, unknown>, notes: FieldNotes): CustomValue | undefined {
  const property = CUSTOM_PREFIX + def.key;
  const field = `custom.${def.key}`;
  const raw = Object.hasOwn(record, property) ? record[property] : undefined;
  if (raw === undefined || raw === null) {
    notes.missing.add(field);
    return undefined;
  }
  if (raw === '') return undefined;
  if (typeof raw !== 'string') {
    // Unreadable: null for a new lead (docs/semantics.md §2), the stored value for a known one (missing).
    notes.note(field);
    notes.missing.add(field);
    return null;
  }
  let value: CustomValue | undefined;
  switch (def.type) {
    case 'text':
    case 'select':
      value = raw;
      break;
    case 'number':
      value = parseNumberText(raw);
      break;
    case 'date':
      value = parseIsoText(raw);
      break;
    case 'boolean':
      value = parseBooleanText(raw);
      break;
    case 'multiselect': {
      const list = splitListText(raw);
      value = list.length > 0 ? list : undefined;
      break;
    }
  }
  if (value === null) notes.note(field);
  return value;
}

/** True when the record carries at least one lead property besides its id. */
function hasLeadFields(record: Record<string, unknown>): boolean {
  return Object.keys(record).some(
    (key) => key.startsWith(CUSTOM_PREFIX) || STANDARD_PROPERTIES.some(([property]) => property === key),
  );
}

/**
 * Converts one Acme API record to a Lead (docs/semantics.md §2, §6): strings → numbers, ISO → epoch ms,
 * Yes/No → booleans, ";" lists → arrays, campaigns and custom fields by `customFields`.
 * Unconvertible values become null (custom) or are left out (standard fields) and are counted.
 * Fields the record does not carry (absent, null, wrong JSON type) are listed in `missingFields`
 * (Lead field names, `custom.<key>`). A record that is not an object, has no string id or carries
 * only an id gives `{ ok: false }` (ref "" when there is no usable id: the caller names it by position).
 */
export function demoRecordToLead(
  record: unknown,
  context: { crmKey: string; syncedAt: number; customFields: readonly CustomFieldDef[] },
): LeadConversion {
  if (!isPlainObject(record)) return { ok: false, ref: '', reason: 'the record is not an object' };
  const rawId = Object.hasOwn(record, 'id') ? record.id : undefined;
  if (typeof rawId !== 'string' || rawId.trim() === '') {
    const ref = typeof rawId === 'number' ? String(rawId) : '';
    return { ok: false, ref, reason: typeof rawId === 'number' ? 'the record id is a number, not text' : 'the record has no id' };
  }
  const crmId = rawId.trim();
  if (!hasLeadFields(record)) return { ok: false, ref: crmId, reason: 'the record carries only an id, no lead fields' };
  const notes = new FieldNotes();
  const text = (property: string, field: string): string | undefined => textOf(record, property, field, notes);
  const date = (property: string, field: string): number | undefined => convertOptional(record, property, field, notes, parseIsoText);

  const name = [text('first_name', 'name'), text('last_name', 'name')]
    .map((s) => s?.trim() ?? '')
    .filter((s) => s !== '')
    .join(' ');

  const custom: Array<[string, CustomValue]> = [];
  for (const def of context.customFields) {
    const value = customValueOf(def, record, notes);
    if (value !== undefined) custom.push([def.key, value]);
  }
  const lead: Lead = {
    id: `${context.crmKey}/${crmId}`,
    crmKey: context.crmKey,
    crmId,
    name,
    tags: splitListText(text('tags', 'tags') ?? ''),
    campaigns: campaignsOf(text('campaigns', 'campaigns'), notes),
    // Object.fromEntries defines own properties: a `constructor` key is data, not a prototype lookup.
    custom: Object.fromEntries(custom),
    syncedAt: context.syncedAt,
  };
  const optional: Array<[keyof Lead, string | number | undefined]> = [
    ['email', text('email', 'email')],
    ['company', text('company', 'company')],
    ['phone', text('phone', 'phone')],
    ['source', text('lead_source', 'source')],
    ['groupName', text('lead_origin', 'groupName')],
    ['status', text('status', 'status')],
    ['priority', text('priority', 'priority')],
    ['country', text('country', 'country')],
    ['language', text('language', 'language')],
    ['createdAt', date('created_at', 'createdAt')],
    ['lastContactAt', date('last_contact_at', 'lastContactAt')],
    ['crmUpdatedAt', date('updated_at', 'crmUpdatedAt')],
  ];
  for (const [key, value] of optional) if (value !== undefined) (lead as Record<string, unknown>)[key] = value;

  // Not validated here: the ingest validates every lead once, at its boundary (issue 12 item 3).
  return {
    ok: true,
    lead,
    nulledValues: notes.count,
    nulledFields: [...notes.nulled],
    missingFields: [...notes.missing],
  };
}
