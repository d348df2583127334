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
): Promise<SegmentHistory[]> {
  const existing = await db.segmentHistory.bulkGet(changes.map((c) => [c.segmentId, day] as [string, string]));
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
