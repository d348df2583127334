/**
 * Date operators (docs/semantics.md §3, rules 1, 2, 6). Lead values are epoch ms; anything that is not a number,
 * or is NaN, is empty. Days are calendar days in `ctx.timeZone`; relative operators use calendar
 * arithmetic from `ctx.now` in that zone. Every boundary is computed here, once per compile.
 */
import type { RelativeUnit } from '../../schema/fields';
import { shiftInstant, startOfDayIn } from '../calendar';
import type { OperatorTable, ValueTest } from '../types';

/** `lo ≤ v < hi` for a numeric lead value. */
const inHalfOpen =
  (lo: number, hi: number): ValueTest =>
  (v) =>
    typeof v === 'number' && v >= lo && v < hi;

interface Relative {
  amount: number;
  unit: RelativeUnit;
}

/** Operators whose result depends on `now`: they make a rule set time-dependent (docs/semantics.md §3 rule 7). */
export const RELATIVE_DATE_OPERATORS: ReadonlySet<string> = new Set(['in_last', 'more_than_ago', 'in_next']);

/** Date operators by id (docs/semantics.md §3 "date"); lead values are epoch ms. */
export const dateOperators: OperatorTable = {
  on: (value, ctx) => inHalfOpen(startOfDayIn(value as string, ctx.timeZone), startOfDayIn(value as string, ctx.timeZone, 1)),
  not_on: (value, ctx) => {
    const on = inHalfOpen(startOfDayIn(value as string, ctx.timeZone), startOfDayIn(value as string, ctx.timeZone, 1));
    return (v) => !on(v);
  },
  before: (value, ctx) => {
    const start = startOfDayIn(value as string, ctx.timeZone);
    return (v) => typeof v === 'number' && v < start;
  },
  after: (value, ctx) => {
    const end = startOfDayIn(value as string, ctx.timeZone, 1);
    return (v) => typeof v === 'number' && v >= end;
  },
  between: (value, ctx) => {
    const [first, last] = value as [string, string];
    return inHalfOpen(startOfDayIn(first, ctx.timeZone), startOfDayIn(last, ctx.timeZone, 1));
  },
  in_last: (value, ctx) => {
    const { amount, unit } = value as Relative;
    const from = shiftInstant(ctx.now, -amount, unit, ctx.timeZone);
    const now = ctx.now;
    return (v) => typeof v === 'number' && v >= from && v <= now;
  },
  more_than_ago: (value, ctx) => {
    const { amount, unit } = value as Relative;
    const limit = shiftInstant(ctx.now, -amount, unit, ctx.timeZone);
    return (v) => typeof v === 'number' && v < limit;
  },
  in_next: (value, ctx) => {
    const { amount, unit } = value as Relative;
    const until = shiftInstant(ctx.now, amount, unit, ctx.timeZone);
    const now = ctx.now;
    return (v) => typeof v === 'number' && v >= now && v <= until;
  },
  is_empty: () => (v) => !(typeof v === 'number' && v === v),
  is_not_empty: () => (v) => typeof v === 'number' && v === v,
};
