// Over 250 lines on purpose: every read and write of the packed membership blocks stays in this one
// file, so the block invariants (sorted, bounded, `memberCount` exact) are kept in one place.
import Dexie from 'dexie';
import { MembershipSchema, lazySchema, z, type Membership } from '../schema';
import type { CrmSegmentsDB } from './database';
import { BlockReads, changeFewMemberships, FEW_IDS, fewMembershipsOfLeads } from './member-block-reads';
import { blockIndexOf, indexInSorted, planBlockRewrite, splitBlock, type MemberBlock, type MemberBlockKey } from './member-blocks';
import { inWriteTransactionOver } from './transaction';
import { rejected, settled, validated } from './validation';

/**
 * The one door to memberships (docs/semantics.md §2). Stored as packed, sorted id blocks per segment
 * (`member-blocks.ts`); every function here keeps the semantics of the old one-row-per-member
 * layout: a membership is `{ segmentId, leadId, addedAt }`, members come in lead-id order, and
 * writes inside a `writeTransaction` commit or roll back with it.
 */

/** A membership's identity: `[segmentId, leadId]`. */
export type MembershipKey = [segmentId: string, leadId: string];

/** Start keys of a segment's membership blocks, in lead-id order (keys only: no block is read). */
export async function blockStarts(db: CrmSegmentsDB, segmentId: string): Promise<string[]> {
  const keys = (await db.memberBlocks
    .where('[segmentId+start]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
    .primaryKeys()) as unknown as MemberBlockKey[];
  return keys.map((key) => key[1]);
}

/** Sorted, duplicate-free copy (JavaScript string order = IndexedDB key order for strings). */
function sortedUnique(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

/**
 * Every membership of the given leads, any segment (or only the segments in `onlySegments`),
 * ordered by lead id then segment id (what badges, explanations, ingest diffs and lead deletions
 * need). Reads the block keys of every segment (or of the segments asked for), then only the
 * blocks that can hold one of the leads; for a few leads in the segments asked for, each block by
 * lead id instead, through `reads` when given (kept for a write that follows in the transaction).
 */
export async function membershipsOfLeads(
  db: CrmSegmentsDB,
  leadIds: readonly string[],
  onlySegments?: ReadonlySet<string>,
  reads?: BlockReads,
): Promise<Membership[]> {
  if (leadIds.length === 0 || onlySegments?.size === 0) return settled([]);
  const wanted = sortedUnique(leadIds);
  if (onlySegments && wanted.length <= FEW_IDS) return fewMembershipsOfLeads(db, wanted, [...onlySegments], reads ?? new BlockReads());
  const bySegment = new Map<string, string[]>();
  if (onlySegments) {
    const segmentIds = [...onlySegments];
    const starts = await Promise.all(segmentIds.map((id) => blockStarts(db, id)));
    segmentIds.forEach((id, i) => (starts[i] as string[]).length > 0 && bySegment.set(id, starts[i] as string[]));
  } else {
    const keys = (await db.memberBlocks.toCollection().primaryKeys()) as unknown as MemberBlockKey[];
    for (const [segmentId, start] of keys) {
      const starts = bySegment.get(segmentId);
      if (starts) starts.push(start);
      else bySegment.set(segmentId, [start]);
    }
  }
  const needed = new Map<string, { key: MemberBlockKey; leads: string[] }>();
  for (const [segmentId, starts] of bySegment) {
    for (const leadId of wanted) {
      if (leadId < (starts[0] as string)) continue;
      const start = starts[blockIndexOf(starts, leadId)] as string;
      const id = JSON.stringify([segmentId, start]);
      const entry = needed.get(id) ?? { key: [segmentId, start] as MemberBlockKey, leads: [] };
      entry.leads.push(leadId);
      needed.set(id, entry);
    }
  }
  const entries = [...needed.values()];
  const blocks = await db.memberBlocks.bulkGet(entries.map((e) => e.key));
  const result: Membership[] = [];
  entries.forEach((entry, i) => {
    const block = blocks[i];
    if (!block) return;
    for (const leadId of entry.leads) {
      const at = indexInSorted(block.ids, leadId);
      if (at >= 0) result.push({ segmentId: block.segmentId, leadId, addedAt: block.added[at] as number });
    }
  });
  return result.sort((a, b) => (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : a.segmentId < b.segmentId ? -1 : 1));
}

/**
 * A segment's memberships in the lead-id range (`afterLeadId`, `throughLeadId`]: exclusive lower
 * bound (open when undefined), inclusive upper bound (open when undefined); in lead-id order.
 */
export async function membershipsInRange(
  db: CrmSegmentsDB,
  segmentId: string,
  afterLeadId: string | undefined,
  throughLeadId: string | undefined,
): Promise<Membership[]> {
  const starts = await blockStarts(db, segmentId);
  if (starts.length === 0) return [];
  const from = afterLeadId === undefined ? 0 : blockIndexOf(starts, afterLeadId);
  const to = throughLeadId === undefined ? starts.length - 1 : blockIndexOf(starts, throughLeadId);
  const blocks = await db.memberBlocks.bulkGet(starts.slice(from, to + 1).map((start) => [segmentId, start] as MemberBlockKey));
  const result: Membership[] = [];
  for (const block of blocks) {
    if (!block) continue;
    block.ids.forEach((leadId, i) => {
      if (afterLeadId !== undefined && leadId <= afterLeadId) return;
      if (throughLeadId !== undefined && leadId > throughLeadId) return;
      result.push({ segmentId, leadId, addedAt: block.added[i] as number });
    });
  }
  return result;
}

/** Lead ids of a segment's members in the lead-id range (`afterLeadId`, `throughLeadId`] (see {@link membershipsInRange}). */
export async function memberIdsInRange(
  db: CrmSegmentsDB,
  segmentId: string,
  afterLeadId: string | undefined,
  throughLeadId: string | undefined,
): Promise<string[]> {
  return (await membershipsInRange(db, segmentId, afterLeadId, throughLeadId)).map((m) => m.leadId);
}

/** Lead ids of every member of a segment, in lead-id order. */
export function memberIds(db: CrmSegmentsDB, segmentId: string): Promise<string[]> {
  return memberIdsInRange(db, segmentId, undefined, undefined);
}

/** The memberships of one block of a segment (lead-id order), by its start key; none when the block is gone. */
export async function membershipsOfBlock(db: CrmSegmentsDB, segmentId: string, start: string): Promise<Membership[]> {
  const block = await db.memberBlocks.get([segmentId, start]);
  return block ? block.ids.map((leadId, i) => ({ segmentId, leadId, addedAt: block.added[i] as number })) : [];
}

/** Every membership of a segment (with `addedAt`), in lead-id order. */
export function membershipsOfSegment(db: CrmSegmentsDB, segmentId: string): Promise<Membership[]> {
  return membershipsInRange(db, segmentId, undefined, undefined);
}

/**
 * One page of a segment's memberships in lead-id order: up to `limit` after `afterLeadId` (from
 * the first member when undefined). Reads only the blocks the page needs (first rows of big segments).
 */
export async function membershipPage(db: CrmSegmentsDB, segmentId: string, afterLeadId: string | undefined, limit: number): Promise<Membership[]> {
  const starts = await blockStarts(db, segmentId);
  const page: Membership[] = [];
  for (let i = afterLeadId === undefined ? 0 : Math.max(0, blockIndexOf(starts, afterLeadId)); i < starts.length && page.length < limit; i++) {
    const block = await db.memberBlocks.get([segmentId, starts[i] as string]);
    if (!block) continue;
    for (let k = 0; k < block.ids.length && page.length < limit; k++) {
      const leadId = block.ids[k] as string;
      if (afterLeadId === undefined || leadId > afterLeadId) page.push({ segmentId, leadId, addedAt: block.added[k] as number });
    }
  }
  return page;
}

/** Number of members of a segment (counted from its blocks; the segment row's `memberCount` equals it). */
export async function countMemberships(db: CrmSegmentsDB, segmentId: string): Promise<number> {
  let count = 0;
  await db.memberBlocks
    .where('[segmentId+start]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
    .each((block) => {
      count += block.ids.length;
    });
  return count;
}

/** Many memberships of one segment, validated as one batch (same rules as `MembershipSchema`). */
const MembershipBatchSchema = lazySchema(() => z.object({
  segmentId: MembershipSchema.shape.segmentId,
  addedAt: MembershipSchema.shape.addedAt,
  leadIds: z.array(MembershipSchema.shape.leadId),
}));

/** One segment's membership change: lead ids to add and to remove. */
export interface SegmentMembershipChange {
  segmentId: string;
  add: readonly string[];
  remove: readonly string[];
}

/**
 * Applies one segment's additions (all with `addedAt`, epoch ms; an existing member gets the new
 * `addedAt`) and removals (non-members ignored) in one pass: reads and rewrites only the blocks
 * whose range they fall in. Additions are validated as a batch (the field rules of
 * `MembershipSchema`); rejects with `StoreValidationError`, writing nothing. Runs in its own
 * transaction, or in the caller's.
 */
export function changeMembershipsOf(
  db: CrmSegmentsDB,
  segmentId: string,
  change: { add: readonly string[]; remove: readonly string[] },
  addedAt: number,
): Promise<void> {
  return changeMembershipsOfMany(db, [{ segmentId, ...change }], addedAt);
}

/**
 * {@link changeMembershipsOf} for several segments at once (one per entry; a single-lead ingest
 * moves one lead in and out of many segments): the touched blocks of every segment are read in
 * one request and rewritten in one, instead of a round trip per segment; when every segment moves
 * at most `FEW_IDS` ids, each block is read by lead id instead (no block starts), reusing the
 * blocks `reads` already holds (see `BlockReads`). Same validation.
 */
export function changeMembershipsOfMany(db: CrmSegmentsDB, changes: readonly SegmentMembershipChange[], addedAt: number, reads?: BlockReads): Promise<void> {
  const work = changes.filter((c) => c.add.length > 0 || c.remove.length > 0);
  if (work.length === 0) return settled(undefined);
  try {
    for (const c of work) if (c.add.length > 0) validated(MembershipBatchSchema, { segmentId: c.segmentId, addedAt, leadIds: c.add }, 'membership');
  } catch (error) {
    return rejected(error);
  }
  const normalized = work.map((c) => {
    const add = sortedUnique(c.add);
    const addSet = new Set(add);
    return { segmentId: c.segmentId, add, remove: [...new Set(c.remove)].filter((id) => !addSet.has(id)) };
  });
  if (normalized.every((c) => c.add.length + c.remove.length <= FEW_IDS)) {
    const change = () => changeFewMemberships(db, normalized, addedAt, reads ?? new BlockReads());
    // Inside a write transaction over the blocks already (an ingest): no nested one, whose lock
    // would hold the caller's other requests back until it ends.
    return inWriteTransactionOver('memberBlocks') ? change() : db.transaction('rw', db.memberBlocks, change);
  }
  return db.transaction('rw', db.memberBlocks, async () => {
    reads?.clear();
    const allStarts = await Promise.all(work.map((c) => blockStarts(db, c.segmentId)));
    const deletes: MemberBlockKey[] = [];
    const puts: MemberBlock[] = [];
    const toRead: Array<{ segmentId: string; start: string; add: string[]; remove: Set<string> }> = [];
    normalized.forEach(({ segmentId, add, remove }, n) => {
      const starts = allStarts[n] as string[];
      if (starts.length === 0) {
        puts.push(...splitBlock(segmentId, add, add.map(() => addedAt)));
        return;
      }
      const groups = new Map<number, { add: string[]; remove: Set<string> }>();
      const group = (index: number) => {
        let g = groups.get(index);
        if (!g) groups.set(index, (g = { add: [], remove: new Set() }));
        return g;
      };
      for (const id of add) group(blockIndexOf(starts, id)).add.push(id);
      for (const id of remove) if (id >= (starts[0] as string)) group(blockIndexOf(starts, id)).remove.add(id);
      for (const [index, g] of groups) toRead.push({ segmentId, start: starts[index] as string, ...g });
    });
    const blocks = await db.memberBlocks.bulkGet(toRead.map((r) => [r.segmentId, r.start] as MemberBlockKey));
    toRead.forEach((r, n) => planBlockRewrite({ deletes, puts }, r.segmentId, r.start, blocks[n], { add: r.add, remove: r.remove, addedAt }));
    // Requests of one transaction run in order: the deletes land before the puts.
    await Promise.all([deletes.length > 0 && db.memberBlocks.bulkDelete(deletes), puts.length > 0 && db.memberBlocks.bulkPut(puts)]);
  });
}

/**
 * Adds one segment's memberships for `leadIds`, all with `addedAt` (epoch ms), validated as a
 * batch (the field rules of `MembershipSchema`). Rejects with `StoreValidationError`, writing nothing.
 */
export function addMembershipsOf(db: CrmSegmentsDB, segmentId: string, leadIds: readonly string[], addedAt: number): Promise<void> {
  return changeMembershipsOf(db, segmentId, { add: leadIds, remove: [] }, addedAt);
}

/** Adds (or replaces) memberships after validating each; rejects with `StoreValidationError`, writing nothing. */
export function addMemberships(db: CrmSegmentsDB, rows: readonly Membership[]): Promise<void> {
  if (rows.length === 0) return settled(undefined);
  try {
    for (const row of rows) validated(MembershipSchema, row, 'membership');
  } catch (error) {
    return rejected(error);
  }
  const batches = new Map<string, { segmentId: string; addedAt: number; leadIds: string[] }>();
  for (const row of rows) {
    const id = JSON.stringify([row.segmentId, row.addedAt]);
    const batch = batches.get(id) ?? { segmentId: row.segmentId, addedAt: row.addedAt, leadIds: [] };
    batch.leadIds.push(row.leadId);
    batches.set(id, batch);
  }
  return db.transaction('rw', db.memberBlocks, async () => {
    for (const b of batches.values()) await changeMembershipsOf(db, b.segmentId, { add: b.leadIds, remove: [] }, b.addedAt);
  });
}

/** Deletes memberships by `[segmentId, leadId]` (absent ones ignored). */
export function removeMemberships(db: CrmSegmentsDB, keys: readonly MembershipKey[]): Promise<void> {
  if (keys.length === 0) return settled(undefined);
  const bySegment = new Map<string, string[]>();
  for (const [segmentId, leadId] of keys) {
    const leadIds = bySegment.get(segmentId);
    if (leadIds) leadIds.push(leadId);
    else bySegment.set(segmentId, [leadId]);
  }
  return db.transaction('rw', db.memberBlocks, async () => {
    for (const [segmentId, leadIds] of bySegment) await changeMembershipsOf(db, segmentId, { add: [], remove: leadIds }, 0);
  });
}

/** Deletes every membership of a segment; returns how many there were. */
export function deleteMembershipsOfSegment(db: CrmSegmentsDB, segmentId: string): Promise<number> {
  return db.transaction('rw', db.memberBlocks, async () => {
    const count = await countMemberships(db, segmentId);
    await db.memberBlocks
      .where('[segmentId+start]')
      .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
      .delete();
    return count;
  });
}
