import type { CustomFieldDef, CustomFieldType } from '../schema/custom-field';
import { detectDateFormat } from './dates';
import {
  DATE_TARGETS,
  MULTI_COLUMN_TARGETS,
  fieldKeyForHeader,
  type ColumnPlan,
  type ImportMapping,
  type StandardTarget,
} from './plan';
import { idHeaderRank, isDateLikeHeader, isOwnerHeader, standardTargetForHeader } from './synonyms';
import { detectNumberStyle, readBoolean, readNumber } from './values';

/** A select field has at most this many distinct values in the sample. */
const SELECT_MAX_DISTINCT = 30;

/** The non-empty, trimmed values of column `index` in `rows`. */
export function columnSamples(rows: readonly (readonly string[])[], index: number): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const value = (row[index] ?? '').trim();
    if (value !== '') out.push(value);
  }
  return out;
}

/**
 * The custom field type the sample values fit best: boolean (all Yes/No/true/false/1/0), date (a
 * date format reads 90% of them; 8-digit `yyyymmdd` only when the header says date/time), number
 * (95% read), select
 * (few distinct values, repeated), else text. Multiselect is never guessed (the user picks it).
 */
export function detectFieldType(header: string, samples: readonly string[]): CustomFieldType {
  if (samples.length === 0) return 'text';
  // A stray "n/a" must not turn a number column into text: up to 5% (at least one value of five) may fail.
  const tolerated = samples.length >= 5 ? Math.max(1, Math.floor(samples.length * 0.05)) : 0;
  const fits = (read: (s: string) => unknown) => samples.reduce((bad, s) => (read(s) === null ? bad + 1 : bad), 0) <= tolerated;
  if (samples.every((s) => readBoolean(s) !== null)) return 'boolean';
  const dateFormat = detectDateFormat(samples);
  if (dateFormat && (dateFormat !== 'yyyymmdd' || isDateLikeHeader(header))) return 'date';
  const style = detectNumberStyle(samples);
  if (fits((s) => readNumber(s, style))) return 'number';
  const distinct = new Set(samples.map((s) => s.toLowerCase())).size;
  return distinct <= SELECT_MAX_DISTINCT && distinct * 2 <= samples.length ? 'select' : 'text';
}

/** Adds the reading options a column needs for `type` (date format, number style, separator). */
export function withReadingOptions(plan: ColumnPlan, type: CustomFieldType | 'tags' | 'text', samples: readonly string[]): ColumnPlan {
  const { dateFormat: _d, numberStyle: _n, separator: _s, ...rest } = plan;
  if (type === 'date') return { ...rest, dateFormat: detectDateFormat(samples) ?? 'iso' };
  if (type === 'number') return { ...rest, numberStyle: detectNumberStyle(samples) };
  if (type === 'multiselect' || type === 'tags') {
    const semicolons = samples.some((s) => s.includes(';'));
    return { ...rest, separator: semicolons || !samples.some((s) => s.includes(',')) ? ';' : ',' };
  }
  return rest;
}

/** The type a standard target holds, for its reading options. */
export function standardTargetType(target: StandardTarget): 'date' | 'tags' | 'text' {
  if (DATE_TARGETS.includes(target)) return 'date';
  return target === 'tags' ? 'tags' : 'text';
}

/** Picks the unique key column: the best id-like header, else the email column, else the first column. */
function suggestKeyColumn(headers: readonly string[]): number {
  let best: { index: number; rank: number } | undefined;
  headers.forEach((header, index) => {
    const rank = idHeaderRank(header);
    if (rank !== undefined && (!best || rank < best.rank)) best = { index, rank };
  });
  if (best) return best.index;
  const email = headers.findIndex((h) => standardTargetForHeader(h) === 'email');
  return email === -1 ? 0 : email;
}

/**
 * Suggests a mapping from the header names and sample rows (docs/semantics.md §3 field keys via header
 * synonyms; existing custom fields by key or label; the owner column as custom field `owner`;
 * every other non-empty column a new custom field of the detected type; empty ones skipped).
 */
export function suggestMapping(headers: readonly string[], rows: readonly (readonly string[])[], customFields: readonly CustomFieldDef[]): ImportMapping {
  const keyColumn = suggestKeyColumn(headers);
  const used = new Set<string>();
  const takenKeys = new Set(customFields.map((f) => f.key));
  const columns = headers.map((header, index): ColumnPlan => {
    const samples = columnSamples(rows, index);
    const base: ColumnPlan = { index, header, target: 'skip' };
    const standard = standardTargetForHeader(header);
    if (index === keyColumn && standard !== 'email') return base;
    if (standard && (!used.has(standard) || MULTI_COLUMN_TARGETS.includes(standard))) {
      used.add(standard);
      return withReadingOptions({ ...base, target: standard }, standardTargetType(standard), samples);
    }
    const key = isOwnerHeader(header) ? 'owner' : fieldKeyForHeader(header);
    const existing = customFields.find((f) => f.key === key || f.label.toLowerCase() === header.trim().toLowerCase());
    if (existing && !used.has(`custom.${existing.key}`)) {
      used.add(`custom.${existing.key}`);
      return withReadingOptions({ ...base, target: `custom.${existing.key}` }, existing.type, samples);
    }
    if (samples.length === 0) return base;
    let unique = key;
    for (let n = 2; takenKeys.has(unique); n++) unique = `${key}_${n}`;
    takenKeys.add(unique);
    const type = detectFieldType(header, samples);
    return withReadingOptions({ ...base, target: 'new', newField: { key: unique, label: header.trim() || unique, type } }, type, samples);
  });
  return { columns, keyColumn };
}
