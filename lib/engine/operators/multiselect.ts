/**
 * Multiselect operators (docs/semantics.md §3, rules 1, 2, 4). Elements compare as text (normalised like text
 * fields). A lead value that is not an array is empty; elements that are not strings or are blank
 * are ignored, so `[]`, `[""]` and `["  "]` are all empty lists. `includes_none` is true on an
 * empty list.
 */
import { isBlankText, normalizeText } from '../text';
import type { OperatorTable, ValueTest } from '../types';
import { textIn } from './text';

/** The rule's values, normalised and de-duplicated. */
const ruleValues = (value: unknown): string[] => [...new Set((value as string[]).map(normalizeText))].filter((s) => s !== '');

/** True when `v` is an array with at least one non-blank string element. */
function hasElements(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const element: unknown = v[i];
    if (typeof element === 'string' && !isBlankText(element)) return true;
  }
  return false;
}

/** True when some element is one of `values` (normalised). */
function includesAny(values: string[]): ValueTest {
  const isWanted = textIn(new Set(values));
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (isWanted(v[i])) return true;
    return false;
  };
}

/** True when every one of `values` (normalised, distinct) is an element: a bit mask up to 30 values. */
function includesAll(values: string[]): ValueTest {
  if (values.length === 1) return includesAny(values);
  if (values.length <= 30) {
    const bits = new Map(values.map((s, i) => [s, 1 << i]));
    const all = (1 << values.length) - 1;
    return (v) => {
      if (!Array.isArray(v)) return false;
      let found = 0;
      for (let i = 0; i < v.length; i++) {
        const element: unknown = v[i];
        if (typeof element !== 'string') continue;
        found |= bits.get(normalizeText(element)) ?? 0;
        if (found === all) return true;
      }
      return false;
    };
  }
  return (v) => {
    if (!Array.isArray(v)) return false;
    const present = new Set<string>();
    for (const element of v as unknown[]) if (typeof element === 'string') present.add(normalizeText(element));
    return values.every((s) => present.has(s));
  };
}

/** Multiselect operators by id (docs/semantics.md §3 "multiselect": tags and custom multiselect fields). */
export const multiselectOperators: OperatorTable = {
  includes_any: (value) => includesAny(ruleValues(value)),
  includes_all: (value) => includesAll(ruleValues(value)),
  includes_none: (value) => {
    const any = includesAny(ruleValues(value));
    return (v) => !any(v);
  },
  is_empty: () => (v) => !hasElements(v),
  is_not_empty: () => hasElements,
};
