/**
 * Boolean operators (custom boolean fields, docs/semantics.md §3). Anything but `true`/`false` is empty.
 */
import type { OperatorTable } from '../types';

/** Boolean operators by id (custom boolean fields). */
export const booleanOperators: OperatorTable = {
  is_true: () => (v) => v === true,
  is_false: () => (v) => v === false,
  is_empty: () => (v) => typeof v !== 'boolean',
  is_not_empty: () => (v) => typeof v === 'boolean',
};
