import { SegmentSchema, type Segment } from '../schema';
import type { CrmSegmentsDB } from './database';
import { validated, validatedAll } from './validation';

/** One segment, or `undefined`. */
export function getSegment(db: CrmSegmentsDB, id: string): Promise<Segment | undefined> {
  return db.segments.get(id);
}

/** Several segments by id, in order (`undefined` where missing). */
export function getSegments(db: CrmSegmentsDB, ids: readonly string[]): Promise<Array<Segment | undefined>> {
  return db.segments.bulkGet([...ids]);
}

/** Every segment (any owner, any status). The table is small: segments are created by hand. */
export function listSegments(db: CrmSegmentsDB): Promise<Segment[]> {
  return db.segments.toArray();
}

/** Number of segments (any owner, any status). */
export function countSegments(db: CrmSegmentsDB): Promise<number> {
  return db.segments.count();
}

/** Stores a segment after validating it with `SegmentSchema`; throws `StoreValidationError`. */
export async function putSegment(db: CrmSegmentsDB, segment: Segment): Promise<Segment> {
  const row = validated(SegmentSchema, segment, 'segment');
  await db.segments.put(row);
  return row;
}

/** Stores many segments in one request, each validated with `SegmentSchema` first; throws `StoreValidationError`, writing nothing. */
export async function putSegments(db: CrmSegmentsDB, segments: readonly Segment[]): Promise<Segment[]> {
  const rows = validatedAll(SegmentSchema, segments, 'segment');
  await db.segments.bulkPut(rows);
  return rows;
}

/** Deletes the segment row only (memberships, history, jobs and campaigns: see lib/segments). */
export async function deleteSegmentRow(db: CrmSegmentsDB, id: string): Promise<void> {
  await db.segments.delete(id);
}
