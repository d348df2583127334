/**
 * Number operators (docs/semantics.md §3, rules 1, 2, 5). A lead value that is not a number, or is NaN, is
 * empty: comparisons are false on it and `not_equals` is true.
 */
import type { OperatorTable, ValueTest } from '../types';

/** True for a usable number (not empty): a JS number other than NaN. */
export const isNumberValue = (v: unknown): v is number => typeof v === 'number' && v === v;

/** Number operators by id (docs/semantics.md §3 "number"). */
export const numberOperators: OperatorTable = {
  equals: (value) => {
    const x = value as number;
    return (v) => v === x; // NaN and non-numbers never equal a finite number
  },
  not_equals: (value) => {
    const x = value as number;
    return (v) => v !== x;
  },
  gt: (value) => {
    const x = value as number;
    return (v) => typeof v === 'number' && v > x;
  },
  gte: (value) => {
    const x = value as number;
    return (v) => typeof v === 'number' && v >= x;
  },
  lt: (value) => {
    const x = value as number;
    return (v) => typeof v === 'number' && v < x;
  },
  lte: (value) => {
    const x = value as number;
    return (v) => typeof v === 'number' && v <= x;
  },
  between: (value): ValueTest => {
    const [low, high] = value as [number, number];
    return (v) => typeof v === 'number' && v >= low && v <= high;
  },
  is_empty: () => (v) => !isNumberValue(v),
  is_not_empty: () => (v) => isNumberValue(v),
};
