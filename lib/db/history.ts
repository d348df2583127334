import Dexie from 'dexie';
import { SegmentHistorySchema, type SegmentHistory } from '../schema';
import type { CrmSegmentsDB } from './database';
import { validated } from './validation';

/** A segment's history rows, oldest day first. */
export function historyOfSegment(db: CrmSegmentsDB, segmentId: string): Promise<SegmentHistory[]> {
  return db.segmentHistory
    .where('[segmentId+day]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
    .toArray();
}

/** One day's history row of a segment, or `undefined`. */
export function getHistoryRow(db: CrmSegmentsDB, segmentId: string, day: string): Promise<SegmentHistory | undefined> {
  return db.segmentHistory.get([segmentId, day]);
}

/**
 * The history rows of one day read ahead in ONE transaction (a single-lead ingest reads them with
 * its other reads, so that recording the day's change does not wait for another round trip).
 * Valid only inside the transaction it was created in and until those rows are written: only
 * {@link recordHistories} of that transaction writes them, and it is the last to use it.
 */
export class HistoryReads {
  private readonly memo = new Map<string, Promise<SegmentHistory | undefined>>();

  constructor(readonly day: string) {}

  /** Reads the day's rows of `segmentIds` not read yet, in one request. */
  prefetch(db: CrmSegmentsDB, segmentIds: Iterable<string>): Promise<unknown> {
    const missing = [...new Set(segmentIds)].filter((id) => !this.memo.has(id));
    if (missing.length === 0) return Dexie.Promise.resolve();
    const read = db.segmentHistory.bulkGet(missing.map((id) => [id, this.day] as [string, string]));
    missing.forEach((id, i) => this.memo.set(id, read.then((rows) => rows[i])));
    return read;
  }

  /** The day's rows of `segmentIds` (`undefined` where none), reading those not read yet. */
  rows(db: CrmSegmentsDB, segmentIds: readonly string[]): Promise<Array<SegmentHistory | undefined>> {
    void this.prefetch(db, segmentIds);
    return Dexie.Promise.all(segmentIds.map((id) => this.memo.get(id) as Promise<SegmentHistory | undefined>));
  }
}

/**
 * Records a membership change in the segment's row for `day` (docs/semantics.md §2 SegmentHistory): `count`
 * becomes the segment's member count after the change and `added`/`removed` accumulate over the
 * day. Creates the row if the day has none. Validated before the write.
 */
export async function recordHistory(
  db: CrmSegmentsDB,
  change: { segmentId: string; day: string; count: number; added: number; removed: number },
): Promise<SegmentHistory> {
  const { day, ...rest } = change;
  return (await recordHistories(db, day, [rest]))[0] as SegmentHistory;
}

/**
 * {@link recordHistory} for several segments (one change each) on the same day: the day's rows
 * are read in one request and written in one. Validated before the write.
 */
export async function recordHistories(
  db: CrmSegmentsDB,
  day: string,
  changes: ReadonlyArray<{ segmentId: string; count: number; added: number; removed: number }>,
  reads?: HistoryReads,
): Promise<SegmentHistory[]> {
  const existing = reads && reads.day === day ? await reads.rows(db, changes.map((c) => c.segmentId)) : await db.segmentHistory.bulkGet(changes.map((c) => [c.segmentId, day] as [string, string]));
  const rows = changes.map((c, i) =>
    validated(
      SegmentHistorySchema,
      { segmentId: c.segmentId, day, count: c.count, added: (existing[i]?.added ?? 0) + c.added, removed: (existing[i]?.removed ?? 0) + c.removed },
      'segment history row',
    ),
  );
  await db.segmentHistory.bulkPut(rows);
  return rows;
}

/** Deletes every history row of a segment; returns how many. */
export function deleteHistoryOfSegment(db: CrmSegmentsDB, segmentId: string): Promise<number> {
  return db.segmentHistory
    .where('[segmentId+day]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey], true, true)
    .delete();
}
