import type { SortDirection, SortKey } from './member-sort';

/**
 * Keeping a member order up to date when a few members change (issue 10 item 3): instead of
 * sorting 250,000 rows again, the rows that stayed keep their relative order and the few that
 * joined or changed are placed by binary search, with a comparison that gives exactly the order
 * of `MemberSorter` (member-sort.ts).
 */

/** Compares two sort keys as `MemberSorter` ranks them ascending: numbers (numerically) before text (collated). */
function compareKeys(a: string | number, b: string | number, collator: Intl.Collator): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  return typeof b === 'number' ? 1 : collator.compare(a, b);
}

/**
 * The table order of rows `a` and `b` (negative: `a` first), as `MemberSorter.order` sorts them:
 * by `keys` (empty last in both directions, `direction` reversing the rest), then by name
 * (collated, equal-collating names tie), then by lead id. Never 0 for two rows of distinct ids.
 */
export function rowComparator(
  keys: readonly SortKey[],
  ids: readonly string[],
  names: readonly string[],
  direction: SortDirection,
  collator: Intl.Collator,
): (a: number, b: number) => number {
  return (a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else {
      const byKey = compareKeys(ka, kb, collator);
      if (byKey !== 0) return direction === 'desc' ? -byKey : byKey;
    }
    const byName = collator.compare(names[a]!, names[b]!);
    if (byName !== 0) return byName;
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
  };
}

/**
 * A member set derived from another one: per row, the row it was in the previous set, or -1 for
 * a row that is new there (a member who joined, or whose lead changed).
 */
export interface RowsDelta {
  /** New row → previous row, or -1. */
  from: Int32Array;
  /** Rows of the previous set. */
  previousLength: number;
}

/** Previous row → new row, or -1 for a row that left or changed. */
export function previousToNew({ from, previousLength }: RowsDelta): Int32Array {
  const map = new Int32Array(previousLength).fill(-1);
  for (let row = 0; row < from.length; row++) if (from[row]! >= 0) map[from[row]!] = row;
  return map;
}

/**
 * The order of a derived set from `previousOrder` (the previous set's rows in table order, by
 * the same sort): rows that stayed keep their order, rows new there (`from` -1) are sorted with
 * `compare` and merged in by binary search. Equals a full sort of the new set by `compare`.
 */
export function patchOrder(previousOrder: Int32Array, delta: RowsDelta, compare: (a: number, b: number) => number): Int32Array {
  const toNew = previousToNew(delta);
  const kept = new Int32Array(delta.from.length);
  let keptLength = 0;
  for (const row of previousOrder) {
    const now = toNew[row]!;
    if (now >= 0) kept[keptLength++] = now;
  }
  const added: number[] = [];
  for (let row = 0; row < delta.from.length; row++) if (delta.from[row]! < 0) added.push(row);
  added.sort(compare);
  const order = new Int32Array(delta.from.length);
  let k = 0;
  let out = 0;
  for (const row of added) {
    // First kept row after `row`: rows between k and it come before `row`.
    let low = k;
    let high = keptLength;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(kept[mid]!, row) < 0) low = mid + 1;
      else high = mid;
    }
    order.set(kept.subarray(k, low), out);
    out += low - k;
    order[out++] = row;
    k = low;
  }
  order.set(kept.subarray(k, keptLength), out);
  return order;
}

/** `previous` (per row of the previous set) carried over to the new set: kept rows' values, `fresh(row)` for new rows. */
export function carryOver<T>(previous: readonly T[], { from }: RowsDelta, fresh: (row: number) => T): T[] {
  const out = new Array<T>(from.length);
  for (let row = 0; row < from.length; row++) out[row] = from[row]! >= 0 ? previous[from[row]!]! : fresh(row);
  return out;
}
