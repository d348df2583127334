import type { Transaction } from 'dexie';
import { splitBlock, type MemberBlock } from './member-blocks';

/** Old (version 1) membership rows read per query while packing. */
const PAGE = 20_000;

interface OldMembership {
  segmentId: string;
  leadId: string;
  addedAt: number;
}

/**
 * Dexie version 2 upgrade (issue 10 item 1): packs the version-1 `memberships` rows (one per
 * member, key `[segmentId+leadId]`) into `memberBlocks` (sorted id blocks per segment). Reads the
 * old rows in primary-key order — grouped by segment, lead ids ascending — a page at a time;
 * Dexie drops the old table after this runs, in the same upgrade transaction.
 */
export async function packMemberships(tx: Transaction): Promise<void> {
  const old = tx.table<OldMembership, [string, string]>('memberships');
  const blocks = tx.table<MemberBlock, [string, string]>('memberBlocks');
  let segmentId: string | undefined;
  let ids: string[] = [];
  let added: number[] = [];
  let after: [string, string] | undefined;
  for (;;) {
    const page = await (after === undefined ? old.toCollection() : old.where(':id').above(after)).limit(PAGE).toArray();
    const ready: MemberBlock[] = [];
    for (const row of page) {
      if (row.segmentId !== segmentId) {
        if (segmentId !== undefined) ready.push(...splitBlock(segmentId, ids, added));
        segmentId = row.segmentId;
        ids = [];
        added = [];
      }
      ids.push(row.leadId);
      added.push(row.addedAt);
    }
    if (page.length < PAGE) {
      if (segmentId !== undefined) ready.push(...splitBlock(segmentId, ids, added));
      await blocks.bulkAdd(ready);
      return;
    }
    await blocks.bulkAdd(ready);
    const last = page[page.length - 1] as OldMembership;
    after = [last.segmentId, last.leadId];
  }
}
