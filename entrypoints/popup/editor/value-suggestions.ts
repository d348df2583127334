import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { PICK_LIST_FIELDS } from '../../../lib/db/field-values';
import type { SendToBackground } from '../../../lib/messaging/client';
import { normalizeText } from '../../../lib/engine';
import { CUSTOM_PREFIX, type CustomFieldDef } from '../../../lib/schema';
import type { ValueSuggestion } from '../../../components/suggestion-list';

/** The stored values of a field with their lead counts; `complete` false when only the most common were sent. */
export interface StoredSuggestions {
  values: ValueSuggestion[];
  complete: boolean;
}

/** Loads the stored values of a field key with their counts; a rejection means they are unavailable. */
export type SuggestionSource = (field: string) => Promise<StoredSuggestions>;

/**
 * True for fields whose stored values the editor offers as a pick list and checks typed values
 * against: the standard fields with few distinct values (source, status, priority, country,
 * language, group name, tags) and custom text, select and multiselect fields.
 */
export function hasPickList(field: string, customFields: readonly CustomFieldDef[]): boolean {
  if (PICK_LIST_FIELDS.has(field)) return true;
  if (!field.startsWith(CUSTOM_PREFIX)) return false;
  const def = customFields.find((f) => f.key === field.slice(CUSTOM_PREFIX.length));
  return def !== undefined && (def.type === 'text' || def.type === 'select' || def.type === 'multiselect');
}

/**
 * The editor's suggestion source: the background counts the values from its in-memory lead copy
 * (`getFieldValueCounts`); the editor never reads the leads itself. The first field asked for is
 * asked together with every other pick-list field (one message, one pass in the background), and
 * each field's answer is kept for the editor's lifetime: asked once per field.
 */
export function backgroundSuggestionSource(send: SendToBackground, customFields: readonly CustomFieldDef[]): SuggestionSource {
  const batch = [
    ...PICK_LIST_FIELDS,
    ...customFields.filter((f) => hasPickList(CUSTOM_PREFIX + f.key, customFields)).map((f) => CUSTOM_PREFIX + f.key),
  ];
  const asked = new Map<string, Promise<StoredSuggestions>>();
  return (field) => {
    const known = asked.get(field);
    if (known) return known;
    const fields = [...new Set([field, ...batch])].filter((f) => !asked.has(f));
    const answer = send('getFieldValueCounts', { fields }).then((result) => {
      if (!result.ok) throw new Error(result.error);
      return result.data;
    });
    for (const f of fields) {
      const one = answer.then((all) => all[f] ?? { values: [], complete: true });
      // A failed answer is asked again next time (e.g. the background was restarting).
      one.catch(() => asked.get(f) === one && asked.delete(f));
      asked.set(f, one);
    }
    return asked.get(field)!;
  };
}

/** The suggestion source of the editor (none: no suggestions). */
export const SuggestionContext = createContext<SuggestionSource | null>(null);

/**
 * The stored values of `field` with their counts once `enabled`, merged with `options` (a custom
 * select's declared options, count 0 when no lead has them). `undefined` while loading (or when
 * there is no source), unless there are declared options (then those, not complete).
 */
export function useValueSuggestions(field: string, enabled: boolean, options?: readonly string[]): StoredSuggestions | undefined {
  const source = useContext(SuggestionContext);
  const [state, setState] = useState<{ field: string; stored: StoredSuggestions } | undefined>(undefined);
  useEffect(() => {
    if (!enabled || !source || !field) return;
    let current = true;
    source(field).then(
      (stored) => current && setState({ field, stored }),
      () => current && setState({ field, stored: { values: [], complete: false } }),
    );
    return () => {
      current = false;
    };
  }, [source, field, enabled]);
  if (!state || state.field !== field) return options?.length ? { values: options.map((value) => ({ value, count: 0 })), complete: false } : undefined;
  const { values, complete } = state.stored;
  if (!options?.length) return state.stored;
  const known = new Set(values.map((s) => normalizeText(s.value)));
  return { values: [...values, ...options.filter((o) => !known.has(normalizeText(o))).map((value) => ({ value, count: 0 }))], complete };
}

/**
 * The quiet warning for values no stored lead has (issue 11 §5), e.g. "No lead has Country =
 * Atlantis" — only for operators that compare whole values (is, is not, is any of, is none of,
 * includes …), only once the stored values are known (and some lead has one), never for empty
 * values. `undefined` when every value is stored.
 */
export function noMatchMessage(
  fieldLabel: string,
  operatorId: string,
  values: readonly string[],
  stored: readonly ValueSuggestion[] | undefined,
): string | undefined {
  if (!stored || !stored.some((s) => s.count > 0)) return undefined;
  const multiselect = operatorId.startsWith('includes_');
  if (!multiselect && !['equals', 'not_equals', 'is_any_of', 'is_none_of'].includes(operatorId)) return undefined;
  const present = new Set(stored.filter((s) => s.count > 0).map((s) => normalizeText(s.value)));
  const missing = values.map((v) => v.trim().replace(/\s+/g, ' ')).filter((v) => v !== '' && !present.has(normalizeText(v)));
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, 3).join(' or ') + (missing.length > 3 ? ` or ${missing.length - 3} more` : '');
  return multiselect ? `No lead has ${shown} in ${fieldLabel}` : `No lead has ${fieldLabel} = ${shown}`;
}
