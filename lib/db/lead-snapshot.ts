import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { leadWriteSeq } from './lead-writes';

/**
 * The background's compact lead copy saved as a few large records (issue 10: a restarted service
 * worker loads it in a few reads instead of reading every lead). Table `leadSnapshot` (version 3):
 * row 0 is the header, rows 1…parts the packed rows (lib/segments/lead-columns-pack.ts; opaque
 * here). A snapshot is the copy as of one lead write sequence (`leadWriteSeq`): it is current only
 * while the stored sequence is still that one, checked in the transaction that reads the header.
 * Never in a backup (rebuilt from the leads), and written only by the background.
 */
const HeaderSchema = lazySchema(() => z.object({
  part: z.literal(0),
  /** Tells this snapshot's parts from another's (a snapshot replaced while one is being read). */
  snapshot: z.string().min(1),
  /** Layout version of the parts (lib/segments PACKED_FORMAT). */
  format: z.number().int(),
  seq: z.number().int().min(0),
  /** Leads held. */
  count: z.number().int().min(0),
  parts: z.number().int().min(0),
}));

/** A stored snapshot that is current: what to read. */
export type LeadSnapshotInfo = Pick<z.infer<typeof HeaderSchema>, 'snapshot' | 'seq' | 'count' | 'parts'>;

/** A row of the `leadSnapshot` table: the header (part 0) or one packed part. */
export interface LeadSnapshotRow {
  part: number;
  snapshot: string;
  [field: string]: unknown;
}

/** The name of the snapshot's table (left out of backups). */
export const LEAD_SNAPSHOT_TABLE = 'leadSnapshot';

/**
 * The stored snapshot when it is of `format` and reflects the stored leads exactly (its lead
 * write sequence is the stored one, read in the same transaction), else undefined.
 */
export function currentLeadSnapshot(db: CrmSegmentsDB, format: number): Promise<LeadSnapshotInfo | undefined> {
  return db.transaction('r', db.leadSnapshot, db.meta, async () => {
    const [row, seq] = await Promise.all([db.leadSnapshot.get(0), leadWriteSeq(db)]);
    const header = HeaderSchema.safeParse(row);
    if (!header.success || header.data.format !== format || header.data.seq !== seq) return undefined;
    const { snapshot, count, parts } = header.data;
    return { snapshot, seq, count, parts };
  });
}

/** Packed part `index` (1 … parts) of `info`'s snapshot, or undefined when that snapshot was replaced meanwhile. */
export async function leadSnapshotPart(db: CrmSegmentsDB, info: LeadSnapshotInfo, index: number): Promise<unknown> {
  const row = await db.leadSnapshot.get(index);
  return row?.snapshot === info.snapshot ? row.rows : undefined;
}

/** Thrown inside the snapshot's write transaction to roll it back. */
class SnapshotOutdated extends Error {}

/**
 * Replaces the stored snapshot with the copy as of lead write sequence `seq`: `parts` is iterated
 * (each part built when asked for, so only one is held at a time) inside one transaction over
 * this table alone — lead writes never wait for it. `stillCurrent` is asked before the first and
 * after every part: when it answers false (the copy moved on, or every row was replaced) nothing
 * is written and the answer is false.
 */
export async function writeLeadSnapshot(
  db: CrmSegmentsDB,
  header: { format: number; seq: number; count: number },
  parts: Iterable<unknown>,
  stillCurrent: () => boolean,
): Promise<boolean> {
  const snapshot = `${header.seq}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const check = () => {
    if (!stillCurrent()) throw new SnapshotOutdated();
  };
  try {
    await db.transaction('rw', db.leadSnapshot, async () => {
      await db.leadSnapshot.clear();
      check();
      let index = 0;
      for (const rows of parts) {
        await db.leadSnapshot.put({ part: ++index, snapshot, rows });
        check();
      }
      await db.leadSnapshot.put(HeaderSchema.parse({ part: 0, snapshot, ...header, parts: index }));
      check();
    });
    return true;
  } catch (error) {
    if (error instanceof SnapshotOutdated) return false;
    throw error;
  }
}
