import type { CustomFieldSource } from '../../../lib/db';
import { formatCount } from '../../../lib/format/number';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../lib/schema';

/** Custom field types in words: the type selects (custom fields table, import mapping) and the messages. */
export const TYPE_LABELS: Readonly<Record<CustomFieldType, string>> = {
  text: 'text',
  number: 'number',
  date: 'date',
  boolean: 'yes/no',
  select: 'select (one of a list)',
  multiselect: 'multi-select (several of a list)',
};

/** Every type, in the order the select offers them. */
export const TYPE_CHOICES: readonly CustomFieldType[] = CUSTOM_FIELD_TYPES;

/** Where a field came from, in words. */
export const SOURCE_LABELS: Readonly<Record<CustomFieldSource, string>> = {
  crm: 'CRM',
  import: 'Import',
  manual: 'Manual',
};

/** "1 segment" / "3 segments" / "None". */
export function segmentCount(n: number): string {
  return n === 0 ? 'None' : formatCount(n, 'segment', 'segments');
}
