import Dexie from 'dexie';
import { normalizeText } from '../engine/text';
import { CUSTOM_PREFIX, STANDARD_FIELDS, type Lead } from '../schema';
import type { CrmSegmentsDB } from './database';

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
  const tally: Tally = new Map();
  for (const lead of leads) tallyLead(tally, lead, field);
  return ranked(tally);
}

/** Leads read per chunk by {@link scanFieldValues}. */
const CHUNK = 5_000;

/**
 * Counts the values of each of `fields` over every stored lead in one pass (primary-key chunks,
 * so 250,000 leads are never held at once). Prefer {@link fieldValueCounts}, which caches.
 */
export async function scanFieldValues(db: CrmSegmentsDB, fields: readonly string[]): Promise<Map<string, FieldValueCount[]>> {
  const tallies = new Map<string, Tally>(fields.map((field) => [field, new Map()]));
  let after: string | undefined;
  for (;;) {
    const collection = after === undefined ? db.leads.toCollection() : db.leads.where(':id').above(after);
    const chunk = await collection.limit(CHUNK).toArray();
    for (const lead of chunk) for (const [field, tally] of tallies) tallyLead(tally, lead, field);
    if (chunk.length < CHUNK) break;
    after = chunk[chunk.length - 1]!.id;
  }
  return new Map([...tallies].map(([field, tally]) => [field, ranked(tally)]));
}

/** Per database: the counts computed so far, by field key. */
const caches = new Map<string, Map<string, Promise<FieldValueCount[]>>>();
let listening = false;

/** Drops cached counts when leads change, in this context or another one (Dexie broadcasts writes). */
function listenForLeadChanges(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    const keys = Object.keys(parts);
    if (keys.includes('all')) return caches.clear();
    for (const [name] of caches) {
      if (keys.some((key) => key.startsWith(`idb://${name}/leads/`))) caches.delete(name);
    }
  });
}

/**
 * The stored values of `field` with their lead counts, most common first (see
 * {@link countFieldValues}). One scan of the leads computes `field` and every field of `batch`
 * not computed yet; results are kept until a lead is written or deleted, so a field is counted
 * once per change of the leads, not once per keystroke or popup render.
 */
export function fieldValueCounts(db: CrmSegmentsDB, field: string, batch: readonly string[] = []): Promise<FieldValueCount[]> {
  listenForLeadChanges();
  let cache = caches.get(db.name);
  if (!cache) caches.set(db.name, (cache = new Map()));
  const known = cache.get(field);
  if (known) return known;
  const missing = [...new Set([field, ...batch])].filter((f) => !cache.has(f));
  const scan = scanFieldValues(db, missing);
  for (const f of missing) {
    const result = scan.then((all) => all.get(f) ?? []);
    result.catch(() => {
      if (cache.get(f) === result) cache.delete(f);
    });
    cache.set(f, result);
  }
  return cache.get(field)!;
}
