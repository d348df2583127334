import type { Lead } from '../schema/lead';
import type { CustomFieldDef, CustomFieldType } from '../schema/custom-field';
import type { CustomValue } from '../schema/lead';
import { dateReader } from './dates';
import { isStandardTarget, type ColumnPlan, type ImportPlan, type StandardTarget } from './plan';
import { readBoolean, readNumber, splitList } from './values';

/** One CSV row's outcome: a lead (to validate and ingest) or the reason it is skipped. */
export type RowOutcome =
  | { kind: 'lead'; lead: Lead; /** Header indexes of the values that could not be read (stored empty). */ unreadable: number[] }
  | { kind: 'skip'; reason: string };

type Reader = (text: string) => CustomValue;

/** A reader for a column of `type`; returns `null` for text it cannot read. */
function readerFor(type: CustomFieldType | 'tags', column: ColumnPlan, timeZone: string): Reader {
  switch (type) {
    case 'number': {
      const style = column.numberStyle ?? 'dot';
      return (t) => readNumber(t, style);
    }
    case 'date':
      return dateReader(column.dateFormat ?? 'iso', timeZone);
    case 'boolean':
      return readBoolean;
    case 'multiselect':
    case 'tags': {
      const separator = column.separator ?? ';';
      return (t) => splitList(t, separator);
    }
    default:
      return (t) => t;
  }
}

/** Keys that name Object.prototype machinery: never stored as a custom field. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface BoundColumn {
  index: number;
  target: StandardTarget | { custom: string };
  read: Reader;
}

/** Resolves each mapped column to its target and reader (custom types from `fields`). */
function bindColumns(plan: ImportPlan): BoundColumn[] {
  const fields = new Map<string, CustomFieldDef>(plan.customFields.map((f) => [f.key, f]));
  const bound: BoundColumn[] = [];
  for (const column of plan.mapping.columns) {
    if (column.target === 'skip') continue;
    if (isStandardTarget(column.target)) {
      const type = column.target === 'tags' ? 'tags' : column.target === 'createdAt' || column.target === 'lastContactAt' ? 'date' : 'text';
      bound.push({ index: column.index, target: column.target, read: readerFor(type, column, plan.timeZone) });
      continue;
    }
    const key = column.target === 'new' ? column.newField?.key : column.target.slice('custom.'.length);
    const field = key === undefined ? undefined : fields.get(key);
    if (!field) throw new Error(`Column "${column.header}" is mapped to a custom field that does not exist.`);
    if (RESERVED_KEYS.has(field.key)) throw new Error(`Column "${column.header}" is mapped to the reserved field key "${field.key}".`);
    bound.push({ index: column.index, target: { custom: field.key }, read: readerFor(field.type, column, plan.timeZone) });
  }
  return bound;
}

/**
 * Builds the converter of an import: CSV row (cells as parsed, header order) → lead of
 * `plan.crmKey` keyed by the key column. Empty cells leave fields empty; values that cannot be
 * read are stored empty (`null` for custom fields, absent for dates) and listed in `unreadable`.
 * A row is skipped when its field count differs from the header's, its key is empty, or its key
 * repeats an earlier row's (the first row wins, so importing the same file again is a no-op).
 * Throws when the plan maps a column to an unknown custom field.
 */
export function createRowConverter(plan: ImportPlan, headerLength: number): (cells: readonly string[], rowNumber: number) => RowOutcome {
  const columns = bindColumns(plan);
  const keyIndex = plan.mapping.keyColumn;
  const keyHeader = plan.mapping.columns.find((c) => c.index === keyIndex)?.header ?? `column ${keyIndex + 1}`;
  const keyIsEmail = plan.mapping.columns.some((c) => c.index === keyIndex && c.target === 'email');
  const firstRowOfKey = new Map<string, number>();

  return (cells, rowNumber) => {
    if (cells.length !== headerLength) {
      return { kind: 'skip', reason: `has ${cells.length} ${cells.length === 1 ? 'field' : 'fields'}, the header has ${headerLength}` };
    }
    const rawKey = (cells[keyIndex] ?? '').trim();
    if (rawKey === '') return { kind: 'skip', reason: `no value in the key column "${keyHeader}"` };
    const crmId = keyIsEmail ? rawKey.toLowerCase() : rawKey;
    const first = firstRowOfKey.get(crmId);
    if (first !== undefined) return { kind: 'skip', reason: `repeats the key "${crmId}" of row ${first}` };
    firstRowOfKey.set(crmId, rowNumber);

    const lead: Lead = { id: `${plan.crmKey}/${crmId}`, crmKey: plan.crmKey, crmId, name: '', tags: [], campaigns: [], custom: {}, syncedAt: plan.now };
    const names: string[] = [];
    const unreadable: number[] = [];
    for (const column of columns) {
      const text = (cells[column.index] ?? '').trim();
      if (text === '') continue;
      const value = column.read(text);
      if (value === null) unreadable.push(column.index);
      if (typeof column.target === 'object') {
        // an own data property even for keys like "constructor" (a plain assignment to
        // "__proto__" would set the prototype instead of storing a value)
        Object.defineProperty(lead.custom, column.target.custom, { value, enumerable: true, writable: true, configurable: true });
        continue;
      }
      if (value === null) continue;
      const target = column.target;
      if (target === 'name') names.push(text);
      else if (target === 'tags') {
        for (const tag of value as string[]) if (!lead.tags.includes(tag)) lead.tags.push(tag);
      } else if (target === 'createdAt' || target === 'lastContactAt') lead[target] = value as number;
      else lead[target] = text;
    }
    lead.name = names.join(' ');
    return { kind: 'lead', lead, unreadable };
  };
}
