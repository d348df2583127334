import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { CUSTOM_PREFIX, STANDARD_FIELDS, type Lead } from '../../../lib/schema';
import type { ValueSuggestion } from '../../../components/chip-input';
import { normalizeText } from '../../../lib/engine';

const TEXT_FIELDS = new Set(STANDARD_FIELDS.filter((f) => f.type === 'text' || f.type === 'multiselect').map((f) => f.key));

/** Text as rules compare it (docs/semantics.md §3 rule 3), so suggestions group values the way rules match them. */
const fold = normalizeText;

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

/**
 * Distinct values of `field` over `leads`, most common first (ties alphabetical). Values that
 * differ only in case or spacing count as one (docs/semantics.md §3 rule 3) and are shown in their most
 * common spelling.
 */
export function countFieldValues(leads: Iterable<Lead>, field: string): ValueSuggestion[] {
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const lead of leads) {
    const seen = new Set<string>();
    for (const value of leadTextValues(lead, field)) {
      const key = fold(value);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byKey.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      const spelling = value.trim().replace(/\s+/g, ' ');
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      byKey.set(key, entry);
    }
  }
  const result: ValueSuggestion[] = [];
  for (const { count, spellings } of byKey.values()) {
    const [value] = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    result.push({ value, count });
  }
  return result.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Loads suggestions for a field key; a rejection means they are unavailable. */
export type SuggestionSource = (field: string) => Promise<ValueSuggestion[]>;

/**
 * A suggestion source reading every stored lead once per field (on first use) and caching the
 * result for its lifetime — one editor session.
 */
export function dbSuggestionSource(db: CrmSegmentsDB): SuggestionSource {
  const cache = new Map<string, Promise<ValueSuggestion[]>>();
  return (field) => {
    let pending = cache.get(field);
    if (!pending) {
      pending = db.leads.toArray().then((leads) => countFieldValues(leads, field));
      pending.catch(() => cache.delete(field));
      cache.set(field, pending);
    }
    return pending;
  };
}

/** The suggestion source of the editor (none: no suggestions). */
export const SuggestionContext = createContext<SuggestionSource | null>(null);

/**
 * Suggestions for `field` once `enabled` (e.g. the input was focused), merged with `options`
 * (a custom select's declared options, count 0 when no lead has them). `undefined` while loading.
 */
export function useValueSuggestions(field: string, enabled: boolean, options?: readonly string[]): ValueSuggestion[] | undefined {
  const source = useContext(SuggestionContext);
  const [state, setState] = useState<{ field: string; values: ValueSuggestion[] } | undefined>(undefined);
  useEffect(() => {
    if (!enabled || !source || !field) return;
    let current = true;
    source(field).then(
      (values) => current && setState({ field, values }),
      () => current && setState({ field, values: [] }),
    );
    return () => {
      current = false;
    };
  }, [source, field, enabled]);
  if (!state || state.field !== field) return options?.length ? options.map((value) => ({ value, count: 0 })) : undefined;
  if (!options?.length) return state.values;
  const known = new Set(state.values.map((s) => fold(s.value)));
  return [...state.values, ...options.filter((o) => !known.has(fold(o))).map((value) => ({ value, count: 0 }))];
}
