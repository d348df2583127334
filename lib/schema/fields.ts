import { stripBidiControls } from './bidi';
import type { CustomFieldDef, CustomFieldType } from './custom-field';

/**
 * Operator families: a field's type decides which operators it allows (docs/semantics.md §3). Campaign fields
 * share the documented type "campaign" but participation and exclusion use different operators, so they
 * are separate families here.
 */
export type OperatorFamily =
  | 'text'
  | 'number'
  | 'date'
  | 'boolean'
  | 'multiselect'
  | 'campaignParticipation'
  | 'campaignExclusion'
  | 'campaignResponse'
  | 'segmentMembership';

/** The shape of a rule's `value` for an operator (docs/semantics.md §3 "value shape"). */
export type ValueShape =
  | 'none' // is_empty, is_true, …: no value
  | 'string' // any string
  | 'nonEmptyString'
  | 'stringList' // non-empty string[]
  | 'number' // finite number
  | 'numberRange' // [low, high], low ≤ high
  | 'day' // "YYYY-MM-DD"
  | 'dayRange' // ["YYYY-MM-DD", "YYYY-MM-DD"], first ≤ second
  | 'relative' // { amount: positive integer, unit: days|weeks|months }
  | 'campaignRef' // campaign id or "any"
  | 'campaignResponse' // { campaignId: id | "any", responses: non-empty response kinds }
  | 'segmentRef'; // another segment's id

/** One operator: id, human label for pickers and summaries, value shape, and polarity (docs/semantics.md §3 rule 2). */
export interface OperatorDef {
  id: string;
  label: string;
  value: ValueShape;
  /** Negative operators are true on an empty lead value (docs/semantics.md §3 rule 2). */
  negative: boolean;
}

const op = (id: string, label: string, value: ValueShape, negative = false): OperatorDef => ({
  id,
  label,
  value,
  negative,
});

/** Every operator allowed per family, in picker order (docs/semantics.md §3, contract). */
export const OPERATORS: Readonly<Record<OperatorFamily, readonly OperatorDef[]>> = {
  text: [
    op('equals', 'is', 'string'),
    op('not_equals', 'is not', 'string', true),
    op('contains', 'contains', 'nonEmptyString'),
    op('not_contains', 'does not contain', 'nonEmptyString', true),
    op('starts_with', 'starts with', 'nonEmptyString'),
    op('ends_with', 'ends with', 'nonEmptyString'),
    op('is_any_of', 'is any of', 'stringList'),
    op('is_none_of', 'is none of', 'stringList', true),
    op('is_empty', 'is empty', 'none'),
    op('is_not_empty', 'is not empty', 'none'),
  ],
  number: [
    op('equals', 'equals', 'number'),
    op('not_equals', 'does not equal', 'number', true),
    op('gt', 'is more than', 'number'),
    op('gte', 'is at least', 'number'),
    op('lt', 'is less than', 'number'),
    op('lte', 'is at most', 'number'),
    op('between', 'is between', 'numberRange'),
    op('is_empty', 'is empty', 'none'),
    op('is_not_empty', 'is not empty', 'none'),
  ],
  date: [
    op('on', 'is on', 'day'),
    op('not_on', 'is not on', 'day', true),
    op('before', 'before', 'day'),
    op('after', 'after', 'day'),
    op('between', 'between', 'dayRange'),
    op('in_last', 'in the last', 'relative'),
    op('more_than_ago', 'more than … ago', 'relative'),
    op('in_next', 'in the next', 'relative'),
    op('is_empty', 'is empty', 'none'),
    op('is_not_empty', 'is not empty', 'none'),
  ],
  boolean: [
    op('is_true', 'is yes', 'none'),
    op('is_false', 'is no', 'none'),
    op('is_empty', 'is empty', 'none'),
    op('is_not_empty', 'is not empty', 'none'),
  ],
  multiselect: [
    op('includes_any', 'includes any of', 'stringList'),
    op('includes_all', 'includes all of', 'stringList'),
    op('includes_none', 'includes none of', 'stringList', true),
    op('is_empty', 'is empty', 'none'),
    op('is_not_empty', 'is not empty', 'none'),
  ],
  campaignParticipation: [op('is_in', 'is in', 'campaignRef'), op('is_not_in', 'is not in', 'campaignRef', true)],
  campaignExclusion: [
    op('is_excluded_from', 'is excluded from', 'campaignRef'),
    op('is_not_excluded_from', 'is not excluded from', 'campaignRef', true),
  ],
  campaignResponse: [
    op('responded', 'responded', 'campaignResponse'),
    op('not_responded', 'did not respond', 'campaignResponse', true),
  ],
  segmentMembership: [
    op('is_member_of', 'is member of', 'segmentRef'),
    op('is_not_member_of', 'is not member of', 'segmentRef', true),
  ],
};

/** Relative date units (docs/semantics.md §3). */
export const RELATIVE_UNITS = ['days', 'weeks', 'months'] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

/** Where a field appears in the editor's Field picker. */
export type FieldGroup = 'Standard' | 'Campaign' | 'Segment' | 'Date' | 'Custom';

/** A field a rule can test: its key (docs/semantics.md §3), label, type, operator family and picker group. */
export interface FieldDef {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'multiselect' | 'campaign' | 'campaignResponse' | 'segment' | CustomFieldType;
  family: OperatorFamily;
  group: FieldGroup;
}

/** The standard (non-custom) fields of docs/semantics.md §3, in picker order. */
export const STANDARD_FIELDS: readonly FieldDef[] = [
  { key: 'name', label: 'Name', type: 'text', family: 'text', group: 'Standard' },
  { key: 'email', label: 'Email', type: 'text', family: 'text', group: 'Standard' },
  { key: 'company', label: 'Company', type: 'text', family: 'text', group: 'Standard' },
  { key: 'source', label: 'Source', type: 'text', family: 'text', group: 'Standard' },
  { key: 'groupName', label: 'Group name', type: 'text', family: 'text', group: 'Standard' },
  { key: 'status', label: 'Status', type: 'text', family: 'text', group: 'Standard' },
  { key: 'priority', label: 'Priority', type: 'text', family: 'text', group: 'Standard' },
  { key: 'tags', label: 'Tags', type: 'multiselect', family: 'multiselect', group: 'Standard' },
  { key: 'country', label: 'Country', type: 'text', family: 'text', group: 'Standard' },
  { key: 'language', label: 'Language', type: 'text', family: 'text', group: 'Standard' },
  { key: 'createdAt', label: 'Created date', type: 'date', family: 'date', group: 'Date' },
  { key: 'lastContactAt', label: 'Last contact date', type: 'date', family: 'date', group: 'Date' },
  {
    key: 'campaignParticipation',
    label: 'Campaign participation',
    type: 'campaign',
    family: 'campaignParticipation',
    group: 'Campaign',
  },
  { key: 'campaignExclusion', label: 'Campaign exclusion', type: 'campaign', family: 'campaignExclusion', group: 'Campaign' },
  {
    key: 'campaignResponse',
    label: 'Campaign response',
    type: 'campaignResponse',
    family: 'campaignResponse',
    group: 'Campaign',
  },
  {
    key: 'segmentMembership',
    label: 'Segment membership',
    type: 'segment',
    family: 'segmentMembership',
    group: 'Segment',
  },
];

/** Key of the field whose rules test membership of another segment (docs/semantics.md). */
export const SEGMENT_MEMBERSHIP_FIELD = 'segmentMembership';

const STANDARD_BY_KEY = new Map(STANDARD_FIELDS.map((f) => [f.key, f]));

/** Prefix of custom field keys in rules (docs/semantics.md §3): `custom.<key>`. */
export const CUSTOM_PREFIX = 'custom.';

/** Maps a custom field type to its operator family (`select` behaves as text, docs/semantics.md §3). */
export function familyOfCustomType(type: CustomFieldType): OperatorFamily {
  return type === 'select' ? 'text' : type;
}

/** The field definition for a custom field definition (a label stored before bidi controls were refused is shown without them). */
export function customFieldDef(def: CustomFieldDef): FieldDef {
  return { key: CUSTOM_PREFIX + def.key, label: stripBidiControls(def.label), type: def.type, family: familyOfCustomType(def.type), group: 'Custom' };
}

/**
 * Resolves a rule's field key to its definition.
 * Returns `undefined` for an unknown standard key and for a `custom.<key>` with no definition.
 */
export function resolveField(key: string, customFields: readonly CustomFieldDef[]): FieldDef | undefined {
  const standard = STANDARD_BY_KEY.get(key);
  if (standard) return standard;
  if (!key.startsWith(CUSTOM_PREFIX)) return undefined;
  const customKey = key.slice(CUSTOM_PREFIX.length);
  const def = customFields.find((f) => f.key === customKey);
  return def ? customFieldDef(def) : undefined;
}

/** The operator `id` of `family`, or `undefined` if the family does not allow it. */
export function findOperator(family: OperatorFamily, id: string): OperatorDef | undefined {
  return OPERATORS[family].find((o) => o.id === id);
}

/** Every field a rule can use, given the custom field definitions, in picker order. */
export function allFields(customFields: readonly CustomFieldDef[]): FieldDef[] {
  return [...STANDARD_FIELDS, ...customFields.map(customFieldDef)];
}
