/**
 * Text operators (docs/semantics.md §3, rules 1–3). A lead value that is not a string, or is blank, is empty:
 * positive operators are false on it, negative ones (`not_equals`, `not_contains`, `is_none_of`)
 * true. Both sides are compared after {@link normalizeText}; rule values are normalised here, once.
 */
import { equalsAsciiNormal, isAscii, isBlankText, normalizeText } from '../text';
import type { OperatorTable, ValueTest } from '../types';

const ruleText = (value: unknown): string => normalizeText(value as string);
/** Normalised rule values; `""` is dropped since it can never equal a non-empty lead value. */
function ruleTextSet(value: unknown): Set<string> {
  const set = new Set((value as string[]).map(normalizeText));
  set.delete('');
  return set;
}

/** `normalizeText(v)` for a string lead value, or `""` (empty) for anything else. */
const leadText = (v: unknown): string => (typeof v === 'string' ? normalizeText(v) : '');

/**
 * Membership of the normalised lead value in a set of normalised rule values. Up to three ASCII
 * values are compared in place ({@link equalsAsciiNormal}: no normalisation of ASCII lead values);
 * otherwise the lead value is normalised once and looked up.
 */
export function textIn(options: ReadonlySet<string>): ValueTest {
  const values = [...options];
  const [a = '', b = a, c = b] = values;
  if (values.length === 0) return () => false;
  if (values.length <= 3 && values.every(isAscii)) {
    if (values.length === 1) return (v) => typeof v === 'string' && equalsAsciiNormal(v, a);
    if (values.length === 2) return (v) => typeof v === 'string' && (equalsAsciiNormal(v, a) || equalsAsciiNormal(v, b));
    return (v) => typeof v === 'string' && (equalsAsciiNormal(v, a) || equalsAsciiNormal(v, b) || equalsAsciiNormal(v, c));
  }
  if (values.length === 1) return (v) => leadText(v) === a;
  return (v) => options.has(leadText(v));
}

/** Text operators by id (docs/semantics.md §3 "text"; custom `text` and `select` fields too). */
export const textOperators: OperatorTable = {
  // A blank rule value normalises to "" and never equals a non-empty lead value.
  equals: (value) => textIn(ruleTextSet([value])),
  not_equals: (value) => {
    const equals = textIn(ruleTextSet([value]));
    return (v) => !equals(v);
  },
  // `part` is never "" (the schema requires non-blank text), so `includes` is false on an empty lead value.
  contains: (value) => {
    const part = ruleText(value);
    return (v) => leadText(v).includes(part);
  },
  not_contains: (value) => {
    const part = ruleText(value);
    return (v) => !leadText(v).includes(part);
  },
  starts_with: (value) => {
    const prefix = ruleText(value);
    return (v) => leadText(v).startsWith(prefix);
  },
  ends_with: (value) => {
    const suffix = ruleText(value);
    return (v) => leadText(v).endsWith(suffix);
  },
  is_any_of: (value) => textIn(ruleTextSet(value)),
  is_none_of: (value) => {
    const anyOf = textIn(ruleTextSet(value));
    return (v) => !anyOf(v);
  },
  is_empty: () => (v) => typeof v !== 'string' || isBlankText(v),
  is_not_empty: () => (v) => typeof v === 'string' && !isBlankText(v),
};
