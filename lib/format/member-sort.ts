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

/** A row's value as sorted: a number, trimmed text, or undefined for an empty value (sorted last). */
export type SortKey = string | number | undefined;

/** The sort key of a raw stored value (docs/semantics.md §3 rule 1 empties → undefined; lists as "a, b"). */
export function sortKeyOf(raw: unknown): SortKey {
  if (isEmptyValue(raw)) return undefined;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (Array.isArray(raw)) return raw.map(String).join(', ');
  return String(raw).trim();
}

/**
 * The collator of the member order (case- and accent-insensitive, digits numerically). One
 * definition: the worker's patched orders (member-order-patch.ts) must collate exactly as a full sort.
 */
export function memberCollator(locale?: string): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
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
function tieRanks(ids: readonly string[], names: readonly string[], collator: Intl.Collator): Int32Array {
  const n = ids.length;
  const byId = Array.from({ length: n }, (_, i) => i);
  // Members arrive in lead-id order; sort only when they are not.
  let inIdOrder = true;
  for (let i = 1; i < n && inIdOrder; i++) inIdOrder = ids[i - 1]! < ids[i]!;
  if (!inIdOrder) byId.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const idRank = new Int32Array(n);
  byId.forEach((row, rank) => (idRank[row] = rank));
  const rowOfIdRank = Int32Array.from(byId);
  const nameRanks = textRanks(names, collator);
  // name rank first, id rank second: both below n, so the pair packs into one key below n².
  const pair = new Float64Array(n);
  for (let i = 0; i < n; i++) pair[i] = nameRanks.get(names[i]!)! * n + idRank[i]!;
  const order = orderPacked(pair, n, rowOfIdRank);
  const tie = new Int32Array(n);
  order.forEach((row, rank) => (tie[row] = rank));
  return tie;
}

/**
 * The one member order (the table's, in the page or in the member worker): rows given as
 * columns — lead ids and names (the tie order) — sorted by per-row keys. Text compares with a
 * locale collator (case- and accent-insensitive, digits numerically), numbers numerically,
 * numbers before text; empty keys go last in both directions; ties keep a stable order by name,
 * then lead id. Each distinct value is ranked once and the ranks are kept (one sorter per member
 * set, which never changes), so sorting again — the other direction, or back to a column — does
 * no collation; rows are then ordered by one native numeric sort of packed (rank, tie) keys.
 */
export class MemberSorter {
  private readonly ranks = new Map<string, Map<string, number> | Int32Array>();

  /** @param ids lead id per row; @param names lead name per row (same length). */
  constructor(
    readonly ids: readonly string[],
    readonly names: readonly string[],
  ) {}

  private cached<T extends Map<string, number> | Int32Array>(key: string, compute: () => T): T {
    let value = this.ranks.get(key) as T | undefined;
    if (!value) this.ranks.set(key, (value = compute()));
    return value;
  }

  /**
   * Row indexes in table order by `keys` (one per row; the same `columnId` always comes with the
   * same keys for one sorter, so its text ranks are reused).
   */
  order(keys: readonly SortKey[], columnId: string, direction: SortDirection, locale?: string): Int32Array {
    const n = this.ids.length;
    const collator = memberCollator(locale);
    const collation = collator.resolvedOptions().locale;
    if (n === 0) return new Int32Array(0);
    const numbers = numberRanks(keys.filter((k): k is number => typeof k === 'number'));
    const texts = this.cached(`text|${columnId}|${collation}`, () =>
      textRanks(
        keys.filter((k): k is string => typeof k === 'string'),
        collator,
      ),
    );
    // Numbers before text (ascending), empty last in both directions.
    const textBase = numbers.size;
    const emptyRank = textBase + texts.size;
    const tie = this.cached(`tie|${collation}`, () => tieRanks(this.ids, this.names, collator));
    const composite = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      let rank = key === undefined ? emptyRank : typeof key === 'number' ? numbers.get(key)! : textBase + texts.get(key)!;
      if (key !== undefined && direction === 'desc') rank = emptyRank - 1 - rank;
      composite[i] = rank * n + tie[i]!;
    }
    const byTie = new Int32Array(n);
    tie.forEach((rank, row) => (byTie[rank] = row));
    return orderPacked(composite, n, byTie);
  }
}

/** One sorter per rows array (rows arrays are replaced, never changed). */
const sorters = new WeakMap<readonly MemberRow[], MemberSorter>();

/**
 * The sort keys of `rows` by `sort`'s column (an unknown column sorts by name; no column at all:
 * every key empty), and the id of the column used.
 */
export function memberSortKeys(rows: readonly MemberRow[], columns: readonly MemberColumn[], sort: MemberSort): { columnId: string; keys: SortKey[] } {
  const column = columns.find((c) => c.id === sort.columnId) ?? columns.find((c) => c.id === 'name');
  if (!column) return { columnId: '', keys: new Array<SortKey>(rows.length).fill(undefined) };
  return { columnId: column.id, keys: rows.map((row) => sortKeyOf(column.get(row))) };
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
  if (rows.length === 0) return [];
  let sorter = sorters.get(rows);
  if (!sorter) {
    sorter = new MemberSorter(
      rows.map((row) => row.lead.id),
      rows.map((row) => row.lead.name),
    );
    sorters.set(rows, sorter);
  }
  const { columnId, keys } = memberSortKeys(rows, columns, sort);
  const order = sorter.order(keys, columnId, sort.direction, locale);
  return Array.from(order, (position) => rows[position]!);
}
