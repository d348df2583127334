import type { MemberRow } from '../../lib/format/member-columns';

/**
 * The member table's rows, read one at a time (issue 10 item 3): a plain array, or
 * {@link OrderedRows} — an order of a rows array kept as row indexes — so that showing a new
 * order of 250,000 members costs nothing on the page's main thread until rows are read, and then
 * only the rows on screen are.
 */
export interface MemberRows {
  readonly length: number;
  /** The row at `index` (negative counts from the end, as `Array.prototype.at`). */
  at(index: number): MemberRow | undefined;
}

/** The rows of `base` in the order `order` (indexes into `base`, as the member worker answers); never changed. */
export class OrderedRows implements MemberRows {
  private positions: Int32Array | undefined;
  private array: MemberRow[] | undefined;

  constructor(
    readonly base: readonly MemberRow[],
    readonly order: Int32Array,
  ) {}

  get length(): number {
    return this.order.length;
  }

  at(index: number): MemberRow | undefined {
    const row = this.order[index < 0 ? index + this.order.length : index];
    return row === undefined ? undefined : this.base[row];
  }

  /** Where `base[baseIndex]` is in this order, or -1 when it is left out (computed on the first call). */
  positionOf(baseIndex: number): number {
    if (!this.positions) {
      const positions = new Int32Array(this.base.length).fill(-1);
      for (let i = 0; i < this.order.length; i++) positions[this.order[i]!] = i;
      this.positions = positions;
    }
    return this.positions[baseIndex] ?? -1;
  }

  /** The rows as an array (built on the first call: exports and tests, never the table). */
  toArray(): MemberRow[] {
    if (!this.array) {
      const array: MemberRow[] = [];
      for (let i = 0; i < this.order.length; i++) array.push(this.base[this.order[i]!]!);
      this.array = array;
    }
    return this.array;
  }
}

/** `rows` as an array: the array itself, or the rows of an order copied out. */
export function rowsArray(rows: MemberRows): readonly MemberRow[] {
  if (Array.isArray(rows)) return rows as readonly MemberRow[];
  if (rows instanceof OrderedRows) return rows.toArray();
  return Array.from({ length: rows.length }, (_, i) => rows.at(i)!);
}

/** Lead id → index, per rows array, built on the first look-up. */
const indexes = new WeakMap<readonly MemberRow[], Map<string, number>>();

/** Rows arrays known to be in ascending lead-id order (the member store's): looked up by binary search, no index built. */
const idOrdered = new WeakSet<readonly MemberRow[]>();

/** Declares `rows` to be in ascending lead-id order (and never changed), so look-ups in it need no index. */
export function markIdOrdered(rows: readonly MemberRow[]): void {
  idOrdered.add(rows);
}

/** The first of `length` ids in ascending order (`idOf(i)`) that is not below `id` (`length` when none). */
export function lowerBound(length: number, id: string, idOf: (i: number) => string): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (idOf(mid) < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of lead `leadId` in `rows`: a binary search in an id-ordered array, else through an index built once per array. */
function indexOfId(rows: readonly MemberRow[], leadId: string): number | undefined {
  if (!idOrdered.has(rows)) return indexById(rows).get(leadId);
  const at = lowerBound(rows.length, leadId, (i) => rows[i]!.lead.id);
  return rows[at]?.lead.id === leadId ? at : undefined;
}

function indexById(rows: readonly MemberRow[]): Map<string, number> {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rows.length; i++) index.set(rows[i]!.lead.id, i);
    indexes.set(rows, index);
  }
  return index;
}

/**
 * The position of lead `leadId` in `rows`, or undefined when it is not listed. The first look-up
 * indexes the underlying rows array (once per array, shared by all its orders), so a new order of
 * 250,000 members pays for it only when a row is looked up (an active row, a scroll anchor).
 */
export function positionOfLead(rows: MemberRows, leadId: string): number | undefined {
  if (rows instanceof OrderedRows) {
    const baseIndex = indexOfId(rows.base, leadId);
    const position = baseIndex === undefined ? -1 : rows.positionOf(baseIndex);
    return position < 0 ? undefined : position;
  }
  return indexOfId(rowsArray(rows), leadId);
}

/** Lead ids of rows `start` (inclusive) to `end` (exclusive) of `rows`, clamped to the rows there are. */
export function leadIdsBetween(rows: MemberRows, start: number, end: number): string[] {
  const ids: string[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, rows.length); i++) ids.push(rows.at(i)!.lead.id);
  return ids;
}
