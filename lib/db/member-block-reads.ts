import Dexie from 'dexie';
import type { Membership } from '../schema';
import type { CrmSegmentsDB } from './database';
import { indexInSorted, planBlockRewrite, splitBlock, type MemberBlock, type MemberBlockKey } from './member-blocks';

/**
 * The membership blocks of a few leads, found by lead id instead of by the segment's list of block
 * starts (issue 10: one changed lead with 50 active segments). One request per (segment, lead)
 * reads the block itself, whatever the segment's size, where the start list grows with it (250
 * keys a segment at 250,000 members). Part of the block layout's code with `memberships.ts`.
 */

/** At most this many lead ids per segment go through the look-up by lead id; more read the block starts. */
export const FEW_IDS = 4;

/**
 * The block whose range holds `leadId`: the last block of the segment starting at or before it,
 * or, when it sorts before every block, the first one (where an added id would go); undefined when
 * the segment has no members. A Dexie promise (call inside a transaction over `memberBlocks`).
 */
function holdingBlock(db: CrmSegmentsDB, segmentId: string, leadId: string): Promise<MemberBlock | undefined> {
  const blocks = db.memberBlocks.where('[segmentId+start]');
  return blocks
    .between([segmentId, Dexie.minKey], [segmentId, leadId], true, true)
    .last()
    .then((block) => block ?? blocks.between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true).first());
}

/**
 * The blocks read by lead id in ONE transaction, kept so that the write that follows the look-up
 * (an ingest's membership difference) does not read them again. Valid only inside the transaction
 * it was created in and only until a membership write: {@link changeFewMemberships} empties it.
 */
export class BlockReads {
  private readonly memo = new Map<string, Promise<MemberBlock | undefined>>();

  /** {@link holdingBlock}, read once per (segment, lead). */
  holding(db: CrmSegmentsDB, segmentId: string, leadId: string): Promise<MemberBlock | undefined> {
    const key = `${segmentId}\u0000${leadId}`;
    let read = this.memo.get(key);
    if (!read) this.memo.set(key, (read = holdingBlock(db, segmentId, leadId)));
    return read;
  }

  /**
   * Reads the blocks of `leadIds` in `segmentIds` alongside other reads, so that a write later in
   * the transaction finds them read (one round trip less on its path). Await it before a nested
   * transaction asks for them: a read of the outer transaction cannot go on while one runs.
   */
  prefetch(db: CrmSegmentsDB, segmentIds: Iterable<string>, leadIds: readonly string[]): Promise<unknown> {
    const reading: Array<Promise<unknown>> = [];
    for (const segmentId of segmentIds) for (const leadId of leadIds) reading.push(this.holding(db, segmentId, leadId));
    return Dexie.Promise.all(reading);
  }

  /** Forgets every block read (their rows are about to change). */
  clear(): void {
    this.memo.clear();
  }
}

/**
 * Memberships of a few leads in the given segments, one block read per (segment, lead): same
 * answer as `membershipsOfLeads` (ordered by lead id then segment id). `leadIds` sorted, unique.
 */
export async function fewMembershipsOfLeads(
  db: CrmSegmentsDB,
  leadIds: readonly string[],
  segmentIds: readonly string[],
  reads: BlockReads,
): Promise<Membership[]> {
  const pairs = leadIds.flatMap((leadId) => [...segmentIds].sort().map((segmentId) => ({ segmentId, leadId })));
  const blocks = await Promise.all(pairs.map((p) => reads.holding(db, p.segmentId, p.leadId)));
  const result: Membership[] = [];
  pairs.forEach(({ segmentId, leadId }, i) => {
    const block = blocks[i];
    const at = block ? indexInSorted(block.ids, leadId) : -1;
    if (block && at >= 0) result.push({ segmentId, leadId, addedAt: block.added[at] as number });
  });
  return result;
}

/** One segment's change with additions sorted and unique, and no id both added and removed. */
export interface NormalizedChange {
  segmentId: string;
  add: readonly string[];
  remove: readonly string[];
}

/**
 * Applies changes of at most {@link FEW_IDS} ids per segment: each id's block is read by lead id
 * (through `reads`, so blocks the look-up already read are not read again), rebuilt, and written
 * back (the old key deleted when its start moved). Call inside a transaction over `memberBlocks`;
 * validation is the caller's. Empties `reads`.
 */
export async function changeFewMemberships(db: CrmSegmentsDB, work: readonly NormalizedChange[], addedAt: number, reads: BlockReads): Promise<void> {
  const ids = work.flatMap((c) => [...c.add, ...c.remove].map((leadId) => ({ segmentId: c.segmentId, leadId })));
  const found = await Promise.all(ids.map((p) => reads.holding(db, p.segmentId, p.leadId)));
  reads.clear();
  const deletes: MemberBlockKey[] = [];
  const puts: MemberBlock[] = [];
  let i = 0;
  for (const change of work) {
    const groups = new Map<string, { block: MemberBlock; add: string[]; remove: Set<string> }>();
    const intoEmpty: string[] = [];
    for (const [list, adding] of [[change.add, true], [change.remove, false]] as const) {
      for (const leadId of list) {
        const block = found[i++];
        if (!block) {
          if (adding) intoEmpty.push(leadId);
          continue;
        }
        let group = groups.get(block.start);
        if (!group) groups.set(block.start, (group = { block, add: [], remove: new Set() }));
        if (adding) group.add.push(leadId);
        else group.remove.add(leadId);
      }
    }
    if (intoEmpty.length > 0) puts.push(...splitBlock(change.segmentId, intoEmpty, intoEmpty.map(() => addedAt)));
    for (const { block, add, remove } of groups.values()) planBlockRewrite({ deletes, puts }, change.segmentId, block.start, block, { add, remove, addedAt });
  }
  // Requests of one transaction run in order: the deletes land before the puts.
  await Promise.all([deletes.length > 0 && db.memberBlocks.bulkDelete(deletes), puts.length > 0 && db.memberBlocks.bulkPut(puts)]);
}
