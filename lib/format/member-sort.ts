import type { MemberColumn, MemberRow } from './member-columns';
import { isEmptyValue } from './value';

/** Sort direction of the member table. */
export type SortDirection = 'asc' | 'desc';

/** Which column the table is sorted by. */
export interface MemberSort {
  columnId: string;
  direction: SortDirection;
}

/** Default sort: name, A→Z. */
export const DEFAULT_SORT: MemberSort = { columnId: 'name', direction: 'asc' };

type SortKey = string | number | undefined;

function sortKey(row: MemberRow, column: MemberColumn): SortKey {
  const raw = column.get(row);
  if (isEmptyValue(raw)) return undefined;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (Array.isArray(raw)) return raw.map(String).join(', ');
  return String(raw).trim();
}

/**
 * Ranks already computed for one rows array (rows arrays are replaced, never changed): the tie
 * order and each column's text ranks per locale, so sorting the same members again — the other
 * direction, or back to a column — does no collation.
 */
const rankCache = new WeakMap<readonly MemberRow[], Map<string, Map<string, number> | Int32Array>>();

function cached<T extends Map<string, number> | Int32Array>(rows: readonly MemberRow[], key: string, compute: () => T): T {
  let entries = rankCache.get(rows);
  if (!entries) rankCache.set(rows, (entries = new Map()));
  let value = entries.get(key) as T | undefined;
  if (!value) entries.set(key, (value = compute()));
  return value;
}

/**
 * Collation ranks of text values: each distinct value is compared with the collator once
 * (CRM columns repeat values a lot), then rows compare small integers. Equal-collating values
 * share a rank.
 */
function textRanks(values: Iterable<string>, collator: Intl.Collator): Map<string, number> {
  const distinct = [...new Set(values)].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((value, i) => {
    if (i > 0 && collator.compare(distinct[i - 1]!, value) !== 0) rank += 1;
    ranks.set(value, rank);
  });
  return ranks;
}

/** Ranks of distinct numbers, ascending (0 for the smallest). */
function numberRanks(values: Iterable<number>): Map<number, number> {
  const distinct = Float64Array.from(new Set(values)).sort();
  const ranks = new Map<number, number>();
  distinct.forEach((value, i) => ranks.set(value, i));
  return ranks;
}

/**
 * Sorts unique packed keys `high * n + low` (exact below 2^53) with one native numeric sort,
 * instead of a comparator call per comparison, and returns `rowOfLow[low]` for each in order.
 */
function orderPacked(packed: Float64Array, n: number, rowOfLow: Int32Array): Int32Array {
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = rowOfLow[packed[i]! % n]!;
  return order;
}

/**
 * Position of each row in the tie order: name (collated), then lead id. Shared by every column,
 * so one sort costs two native numeric sorts once keys are known.
 */
function tieRanks(rows: readonly MemberRow[], collator: Intl.Collator): Int32Array {
  const n = rows.length;
  const byId = Array.from({ length: n }, (_, i) => i);
  // Members arrive in lead-id order; sort only when they are not.
  let inIdOrder = true;
  for (let i = 1; i < n && inIdOrder; i++) inIdOrder = rows[i - 1]!.lead.id < rows[i]!.lead.id;
  if (!inIdOrder) byId.sort((a, b) => {
    const idA = rows[a]!.lead.id;
    const idB = rows[b]!.lead.id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  const idRank = new Int32Array(n);
  byId.forEach((row, rank) => (idRank[row] = rank));
  const rowOfIdRank = Int32Array.from(byId);
  const names = textRanks(
    rows.map((row) => row.lead.name),
    collator,
  );
  // name rank first, id rank second: both below n, so the pair packs into one key below n².
  const pair = new Float64Array(n);
  for (let i = 0; i < n; i++) pair[i] = names.get(rows[i]!.lead.name)! * n + idRank[i]!;
  const order = orderPacked(pair, n, rowOfIdRank);
  const tie = new Int32Array(n);
  order.forEach((row, rank) => (tie[row] = rank));
  return tie;
}

/**
 * Sorts rows by `sort` (returns a new array). Text compares with a locale collator (case- and
 * accent-insensitive, digits numerically), numbers/dates/booleans numerically. Empty values go
 * last in both directions; ties keep a stable order by name, then lead id. An unknown column
 * sorts by name. Each distinct value is ranked once, then rows are ordered by one native numeric
 * sort of packed (rank, tie) keys.
 */
export function sortMembers(
  rows: readonly MemberRow[],
  columns: readonly MemberColumn[],
  sort: MemberSort,
  locale?: string,
): MemberRow[] {
  const column = columns.find((c) => c.id === sort.columnId) ?? columns.find((c) => c.id === 'name');
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const n = rows.length;
  if (n === 0) return [];
  const keys = column ? rows.map((row) => sortKey(row, column)) : new Array<SortKey>(n).fill(undefined);
  const numbers = numberRanks(keys.filter((k): k is number => typeof k === 'number'));
  const collation = collator.resolvedOptions().locale;
  const texts = cached(rows, `text|${column?.id ?? ''}|${collation}`, () =>
    textRanks(
      keys.filter((k): k is string => typeof k === 'string'),
      collator,
    ),
  );
  // Numbers before text (ascending), empty last in both directions.
  const textBase = numbers.size;
  const emptyRank = textBase + texts.size;
  const primary = new Float64Array(n);
  keys.forEach((key, i) => {
    let rank = key === undefined ? emptyRank : typeof key === 'number' ? numbers.get(key)! : textBase + texts.get(key)!;
    if (key !== undefined && sort.direction === 'desc') rank = emptyRank - 1 - rank;
    primary[i] = rank;
  });
  const tie = cached(rows, `tie|${collation}`, () => tieRanks(rows, collator));
  const composite = new Float64Array(n);
  for (let i = 0; i < n; i++) composite[i] = primary[i]! * n + tie[i]!;
  const byTie = new Int32Array(n);
  tie.forEach((rank, row) => (byTie[rank] = row));
  const order = orderPacked(composite, n, byTie);
  return Array.from(order, (position) => rows[position]!);
}
