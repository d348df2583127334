import { ownCustomValue, stripBidiControls, type Campaign, type CustomFieldDef, type Lead } from '../schema';
import { isEmptyValue, isoLocal, type ValueFormatter, type ValueKind } from './value';

/** One member of a segment as listed: the lead and when it joined (epoch ms, from its membership). */
export interface MemberRow {
  lead: Lead;
  addedAt?: number;
}

/** Where a column appears in the column chooser. */
export type ColumnGroup = 'Contact' | 'Lead' | 'Dates' | 'Campaigns' | 'Custom';

/**
 * A column of the member table and of CSV exports. `id` is stable (standard field key,
 * `custom.<key>` for custom fields, `addedAt`, `campaigns`); `get` returns the raw stored value.
 */
export interface MemberColumn {
  id: string;
  label: string;
  kind: ValueKind;
  group: ColumnGroup;
  get(row: MemberRow): unknown;
}

/** Columns shown by default (issue 5): name, email, company, status, source, country, last contact. */
export const DEFAULT_COLUMN_IDS: readonly string[] = ['name', 'email', 'company', 'status', 'source', 'country', 'lastContactAt'];

const leadField =
  <K extends keyof Lead>(key: K) =>
  (row: MemberRow): Lead[K] =>
    row.lead[key];

const STANDARD_COLUMNS: readonly MemberColumn[] = [
  { id: 'name', label: 'Name', kind: 'text', group: 'Contact', get: leadField('name') },
  { id: 'email', label: 'Email', kind: 'text', group: 'Contact', get: leadField('email') },
  { id: 'company', label: 'Company', kind: 'text', group: 'Contact', get: leadField('company') },
  { id: 'phone', label: 'Phone', kind: 'text', group: 'Contact', get: leadField('phone') },
  { id: 'country', label: 'Country', kind: 'text', group: 'Contact', get: leadField('country') },
  { id: 'language', label: 'Language', kind: 'text', group: 'Contact', get: leadField('language') },
  { id: 'status', label: 'Status', kind: 'text', group: 'Lead', get: leadField('status') },
  { id: 'priority', label: 'Priority', kind: 'text', group: 'Lead', get: leadField('priority') },
  { id: 'source', label: 'Source', kind: 'text', group: 'Lead', get: leadField('source') },
  { id: 'groupName', label: 'Group name', kind: 'text', group: 'Lead', get: leadField('groupName') },
  { id: 'tags', label: 'Tags', kind: 'list', group: 'Lead', get: leadField('tags') },
  { id: 'crmId', label: 'CRM id', kind: 'text', group: 'Lead', get: leadField('crmId') },
  { id: 'createdAt', label: 'Created', kind: 'date', group: 'Dates', get: leadField('createdAt') },
  { id: 'lastContactAt', label: 'Last contact', kind: 'date', group: 'Dates', get: leadField('lastContactAt') },
  { id: 'addedAt', label: 'Member since', kind: 'datetime', group: 'Dates', get: (row) => row.addedAt },
  { id: 'crmUpdatedAt', label: 'Updated in CRM', kind: 'datetime', group: 'Dates', get: leadField('crmUpdatedAt') },
  { id: 'syncedAt', label: 'Last synced', kind: 'datetime', group: 'Dates', get: leadField('syncedAt') },
];

/** How a custom field's values are formatted, by its type (table, exports and member details). */
export const CUSTOM_FIELD_KIND: Record<CustomFieldDef['type'], ValueKind> = {
  text: 'text',
  select: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  multiselect: 'list',
};

/**
 * Every column the table and exports can show, in chooser order: standard fields, a
 * "Campaigns" column (campaign names of the lead's participating campaigns, names from
 * `campaigns`, falling back to the id), then one column per custom field definition.
 */
export function memberColumns(customFields: readonly CustomFieldDef[], campaigns: readonly Campaign[] = []): MemberColumn[] {
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name || c.id]));
  const campaignColumn: MemberColumn = {
    id: 'campaigns',
    label: 'Campaigns',
    kind: 'list',
    group: 'Campaigns',
    get: (row) =>
      row.lead.campaigns.filter((c) => c.state === 'participating').map((c) => campaignNames.get(c.campaignId) ?? c.campaignId),
  };
  const custom = customFields.map(
    (def): MemberColumn => ({
      id: `custom.${def.key}`,
      label: stripBidiControls(def.label),
      kind: CUSTOM_FIELD_KIND[def.type],
      group: 'Custom',
      get: (row) => ownCustomValue(row.lead.custom, def.key),
    }),
  );
  return [...STANDARD_COLUMNS, campaignColumn, ...custom];
}

/**
 * The columns for `ids`, in the order of `ids`; unknown ids (e.g. a deleted custom field) are
 * dropped. Falls back to the default columns when nothing known remains.
 */
export function pickColumns(all: readonly MemberColumn[], ids: readonly string[]): MemberColumn[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const picked = ids.map((id) => byId.get(id)).filter((c): c is MemberColumn => c !== undefined);
  if (picked.length > 0) return picked;
  return DEFAULT_COLUMN_IDS.map((id) => byId.get(id)).filter((c): c is MemberColumn => c !== undefined);
}

/** A cell as display text ("" when empty): dates in the formatter's zone, numbers localised. */
export function cellText(row: MemberRow, column: MemberColumn, formatter: ValueFormatter): string {
  return formatter.value(column.get(row), column.kind);
}

/**
 * A cell as a CSV value (before formula neutralisation): text as is, numbers as plain numbers
 * (not localised, so spreadsheets read them as numbers), dates as "YYYY-MM-DD" /
 * "YYYY-MM-DD HH:mm" in `timeZone`, booleans "Yes"/"No", lists joined with "; ", empty → "".
 */
export function csvValue(row: MemberRow, column: MemberColumn, timeZone: string): string | number {
  const raw = column.get(row);
  if (isEmptyValue(raw)) return '';
  if (Array.isArray(raw)) return raw.map((v) => String(v).trim()).filter(Boolean).join('; ');
  if (typeof raw === 'boolean') return raw ? 'Yes' : 'No';
  if (typeof raw === 'number') {
    if (column.kind === 'date') return isoLocal(raw, timeZone, false);
    if (column.kind === 'datetime') return isoLocal(raw, timeZone, true);
    return raw;
  }
  return String(raw);
}
