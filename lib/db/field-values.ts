import { normalizeText } from '../engine/text';
import { CUSTOM_PREFIX, STANDARD_FIELDS, type Lead } from '../schema';

/** A stored value of a field and how many leads have it (a lead with the value twice counts once). */
export interface FieldValueCount {
  value: string;
  count: number;
}

const TEXT_FIELDS = new Set(STANDARD_FIELDS.filter((f) => f.type === 'text' || f.type === 'multiselect').map((f) => f.key));

/**
 * Standard fields with few distinct values (docs/semantics.md §3), whose stored values the rule
 * editor offers as a pick list. Custom `select` and `multiselect` fields are offered too.
 */
export const PICK_LIST_FIELDS: ReadonlySet<string> = new Set(['source', 'status', 'priority', 'country', 'language', 'groupName', 'tags']);

/**
 * The text values a lead holds in `field` (a docs/semantics.md §3 field key): a text field's value, each tag,
 * each item of a custom multiselect, a custom text/select value. Empty values, numbers, dates,
 * booleans and campaign fields give [].
 */
export function leadTextValues(lead: Lead, field: string): string[] {
  let raw: unknown;
  if (field.startsWith(CUSTOM_PREFIX)) raw = lead.custom?.[field.slice(CUSTOM_PREFIX.length)];
  else if (TEXT_FIELDS.has(field)) raw = (lead as unknown as Record<string, unknown>)[field];
  else return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

type Tally = Map<string, { count: number; spellings: Map<string, number> }>;

function tallyLead(tally: Tally, lead: Lead, field: string): void {
  const seen = new Set<string>();
  for (const value of leadTextValues(lead, field)) {
    const key = normalizeText(value);
    if (seen.has(key)) continue;
    seen.add(key);
    let entry = tally.get(key);
    if (!entry) tally.set(key, (entry = { count: 0, spellings: new Map<string, number>() }));
    entry.count += 1;
    const spelling = value.trim().replace(/\s+/g, ' ');
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
  }
}

function ranked(tally: Tally): FieldValueCount[] {
  const result: FieldValueCount[] = [];
  for (const { count, spellings } of tally.values()) {
    const [value] = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    result.push({ value, count });
  }
  return result.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Distinct values of `field` over `leads`, most common first (ties alphabetical). Values that
 * differ only in case or spacing count as one (docs/semantics.md §3 rule 3, as rules compare
 * them) and are shown in their most common spelling.
 */
export function countFieldValues(leads: Iterable<Lead>, field: string): FieldValueCount[] {
  const tally = createFieldValueTally([field]);
  for (const lead of leads) tally.add(lead);
  return tally.result().get(field) ?? [];
}

/** The stored values of a field with their lead counts (rule editor pick lists); `complete` is false when some were left out. */
export interface StoredFieldValues {
  values: FieldValueCount[];
  complete: boolean;
}

/** Counts the values of several fields in one pass: {@link FieldValueTally.add} each lead, then `result`. */
export interface FieldValueTally {
  add(lead: Lead): void;
  /** Field key → its values, as {@link countFieldValues} gives them. */
  result(): Map<string, FieldValueCount[]>;
}

/** A tally of the values of `fields` (see {@link countFieldValues}). */
export function createFieldValueTally(fields: readonly string[]): FieldValueTally {
  const tallies = new Map<string, Tally>(fields.map((field) => [field, new Map()]));
  return {
    add(lead) {
      for (const [field, tally] of tallies) tallyLead(tally, lead, field);
    },
    result: () => new Map([...tallies].map(([field, tally]) => [field, ranked(tally)])),
  };
}
