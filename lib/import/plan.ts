import { z, lazySchema } from '../schema/zod';
import { CustomFieldDefSchema, CustomFieldLabelSchema, CUSTOM_FIELD_TYPES } from '../schema/custom-field';

/**
 * Lead fields a CSV column can fill (docs/semantics.md §2/§3 field keys). `name` and `tags` may take several
 * columns (names are joined with a space, tags are merged); every other one takes one column.
 */
export const STANDARD_TARGETS = [
  'name',
  'email',
  'company',
  'phone',
  'source',
  'groupName',
  'status',
  'priority',
  'tags',
  'country',
  'language',
  'createdAt',
  'lastContactAt',
] as const;
export type StandardTarget = (typeof STANDARD_TARGETS)[number];

/** Labels of the standard targets, as the rule editor names them (docs/semantics.md §3). */
export const STANDARD_TARGET_LABELS: Readonly<Record<StandardTarget, string>> = {
  name: 'Name',
  email: 'Email',
  company: 'Company',
  phone: 'Phone',
  source: 'Source',
  groupName: 'Group name',
  status: 'Status',
  priority: 'Priority',
  tags: 'Tags',
  country: 'Country',
  language: 'Language',
  createdAt: 'Created date',
  lastContactAt: 'Last contact date',
};

/** Targets that accept several columns. */
export const MULTI_COLUMN_TARGETS: readonly StandardTarget[] = ['name', 'tags'];
/** Standard targets holding dates (epoch ms). */
export const DATE_TARGETS: readonly StandardTarget[] = ['createdAt', 'lastContactAt'];

/** Date formats a column can be read with (detected from the values, overridable). */
export const DATE_FORMAT_IDS = ['iso', 'yyyymmdd', 'dd MMM, yyyy HH:mm:ss', 'MMM d, yyyy', 'us', 'eu', 'yyyy/mm/dd'] as const;
export const DateFormatIdSchema = lazySchema(() => z.enum(DATE_FORMAT_IDS));
export type DateFormatId = (typeof DATE_FORMAT_IDS)[number];

/** Decimal separator of a number column: "1,234.5" (`dot`) or "1.234,5" / "1 234,5" (`comma`). */
export const NumberStyleSchema = lazySchema(() => z.enum(['dot', 'comma']));
export type NumberStyle = z.infer<typeof NumberStyleSchema>;

const TargetSchema = lazySchema(() => z.union([
  z.enum(STANDARD_TARGETS),
  z.literal('skip'),
  z.literal('new'),
  z.custom<`custom.${string}`>((v) => typeof v === 'string' && /^custom\.[a-z0-9_]+$/.test(v), 'must be custom.<key>'),
]));
/** Where one column goes: a standard field, `custom.<key>`, `new` (a new custom field) or `skip`. */
export type ColumnTarget = StandardTarget | 'skip' | 'new' | `custom.${string}`;

/** How one CSV column is imported. `index` is its position in the header row. */
export const ColumnPlanSchema = lazySchema(() => z.object({
  index: z.number().int().min(0),
  header: z.string(),
  target: TargetSchema,
  /** For `new`: the custom field to create (its key must be free). */
  newField: z.object({ key: z.string().regex(/^[a-z0-9_]+$/), label: CustomFieldLabelSchema, type: z.enum(CUSTOM_FIELD_TYPES) }).optional(),
  dateFormat: DateFormatIdSchema.optional(),
  numberStyle: NumberStyleSchema.optional(),
  /** Separator of multi-values (tags, multiselect); default ";". */
  separator: z.string().min(1).max(3).optional(),
}));
export type ColumnPlan = z.infer<typeof ColumnPlanSchema>;

/** The mapping of a file: one plan per column and the unique key column (its index). */
export const ImportMappingSchema = lazySchema(() => z.object({
  columns: z.array(ColumnPlanSchema),
  keyColumn: z.number().int().min(0),
}));
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/**
 * Everything the CSV worker needs to turn rows into leads: the mapping, the CRM key the leads are
 * stored under (e.g. `csv:zoho-leads`), the custom field definitions (existing and new), and the
 * time zone that dates without an offset are read in (the evaluation time zone).
 */
export const ImportPlanSchema = lazySchema(() => z.object({
  crmKey: z.string().regex(/^csv:[a-z0-9][a-z0-9-]*$/),
  mapping: ImportMappingSchema,
  customFields: z.array(CustomFieldDefSchema),
  timeZone: z.string().min(1),
  /** Epoch ms stored as `syncedAt`. */
  now: z.number(),
}));
export type ImportPlan = z.infer<typeof ImportPlanSchema>;

/** True when `target` is one of the standard lead fields. */
export function isStandardTarget(target: string): target is StandardTarget {
  return (STANDARD_TARGETS as readonly string[]).includes(target);
}

/** `csv:<slug>` from a file name: "Zoho CRM export Leads.csv" → "csv:zoho-crm-export-leads". */
export function crmKeyForFile(fileName: string): string {
  const slug = fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `csv:${slug === '' ? 'import' : slug}`;
}

/**
 * A custom field key from a header: "Lead Owner" → "lead_owner" (never empty, never `__proto__`;
 * "Constructor" → "constructor_field", as the import refuses Object.prototype names as keys).
 */
export function fieldKeyForHeader(header: string): string {
  const key = header
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  if (key === '') return 'field';
  return key === 'constructor' || key === 'prototype' ? `${key}_field` : key;
}
