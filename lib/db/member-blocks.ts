/**
 * The packed membership layout (issue 10 item 1, Dexie version 2): each segment's members are
 * stored as sorted blocks of lead ids, one IndexedDB row per block instead of one per member.
 * Writing a row costs about the same whatever its size (≈100 µs in Chromium), so a full refresh of
 * 250,000 members writes ~250 rows instead of 250,000.
 *
 * Invariants of the rows of one segment (kept by {@link rebuildBlock}):
 * - `ids` strictly increasing (IndexedDB string order = JavaScript `<`), never empty;
 * - `start === ids[0]`, so the primary key `[segmentId, start]` orders blocks by lead id and the
 *   blocks of a segment never overlap;
 * - `added[i]` is the `addedAt` (epoch ms) of `ids[i]`;
 * - at most {@link MAX_BLOCK_IDS} ids.
 * Only this file and `memberships.ts` know the layout; everyone else calls `memberships.ts`.
 */

/** One stored block of a segment's members. */
export interface MemberBlock {
  segmentId: string;
  /** The block's first lead id (also its key). */
  start: string;
  /** Member lead ids, strictly increasing. */
  ids: string[];
  /** `addedAt` (epoch ms) of each id, same positions. */
  added: number[];
}

/** Primary key of a block row. */
export type MemberBlockKey = [segmentId: string, start: string];

/**
 * Most ids per block. Small enough that reading one block to answer "is lead X a member?" stays
 * cheap (badges, single-lead ingest), large enough that a full refresh writes few rows.
 */
export const MAX_BLOCK_IDS = 1024;

/**
 * Index of the block whose range holds `id`: the last block whose start is ≤ `id`, or 0 when `id`
 * sorts before every block (it would become the first block's new start). -1 when there are none.
 * `starts` is sorted ascending.
 */
export function blockIndexOf(starts: readonly string[], id: string): number {
  if (starts.length === 0) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  if (id < (starts[0] as string)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as string) <= id) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Position of `id` in the sorted `ids`, or -1. */
export function indexInSorted(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = ids[mid] as string;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Applies additions (sorted, unique; an id already present gets the new `addedAt`) and removals
 * to one block's ids and returns the resulting blocks (zero when it ends up empty, several when it
 * outgrows {@link MAX_BLOCK_IDS}: split into equal parts).
 */
export function rebuildBlock(
  segmentId: string,
  block: Pick<MemberBlock, 'ids' | 'added'> | undefined,
  add: readonly string[],
  addedAt: number,
  remove: ReadonlySet<string>,
): MemberBlock[] {
  const oldIds = block?.ids ?? [];
  const oldAdded = block?.added ?? [];
  const ids: string[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < oldIds.length || j < add.length) {
    const a = oldIds[i];
    const b = add[j];
    if (b === undefined || (a !== undefined && a < b)) {
      if (!remove.has(a as string)) {
        ids.push(a as string);
        added.push(oldAdded[i] as number);
      }
      i++;
    } else {
      if (a === b) i++;
      ids.push(b);
      added.push(addedAt);
      j++;
    }
  }
  return splitBlock(segmentId, ids, added);
}

/** Cuts sorted ids into blocks of at most {@link MAX_BLOCK_IDS}, of equal size. */
export function splitBlock(segmentId: string, ids: string[], added: number[]): MemberBlock[] {
  if (ids.length === 0) return [];
  const parts = Math.ceil(ids.length / MAX_BLOCK_IDS);
  if (parts === 1) return [{ segmentId, start: ids[0] as string, ids, added }];
  const size = Math.ceil(ids.length / parts);
  const blocks: MemberBlock[] = [];
  for (let from = 0; from < ids.length; from += size) {
    const part = ids.slice(from, from + size);
    blocks.push({ segmentId, start: part[0] as string, ids: part, added: added.slice(from, from + size) });
  }
  return blocks;
}

/** Block writes collected for one membership change: keys to delete, then blocks to put. */
export interface BlockWrites {
  deletes: MemberBlockKey[];
  puts: MemberBlock[];
}

/**
 * Plans the rewrite of the stored block `start` of `segmentId` (`block`, undefined when it was not
 * found) for `add` and `remove` into `writes`: nothing when it changes nothing (no addition, and
 * no removed id in the block), else its rebuilt blocks, and its old key deleted when no rebuilt
 * block keeps that start.
 */
export function planBlockRewrite(
  writes: BlockWrites,
  segmentId: string,
  start: string,
  block: MemberBlock | undefined,
  change: { add: readonly string[]; remove: ReadonlySet<string>; addedAt: number },
): void {
  const { add, remove, addedAt } = change;
  if (add.length === 0 && ![...remove].some((id) => block && indexInSorted(block.ids, id) >= 0)) return;
  const next = rebuildBlock(segmentId, block, add, addedAt, remove);
  if (!next.some((b) => b.start === start)) writes.deletes.push([segmentId, start]);
  writes.puts.push(...next);
}
