import {
  deleteHistoryOfSegment,
  deleteJob,
  deleteMembershipsOfSegment,
  deleteSegmentRow,
  listCampaigns,
  listSegments,
  putSegment,
  refreshJobId,
  removeSegmentFromCampaigns,
  writeTransaction,
  type CrmSegmentsDB,
} from '../db';
import type { Campaign, Segment } from '../schema';
import { SegmentOperationError } from './errors';
import { enqueueRefresh } from './refresh-job';
import { loadSegmentFor, type SegmentChangeOptions } from './segment-editing';
import { dependentsOf } from './segment-graph';

/**
 * Activates a segment: status `active` and a full refresh enqueued (docs/semantics.md §5: reactivation
 * triggers a full refresh). Already active: returned unchanged. Throws `SegmentOperationError`
 * (`not_found`, `forbidden`).
 */
export function activateSegment(db: CrmSegmentsDB, id: string, options: SegmentChangeOptions): Promise<Segment> {
  return writeTransaction(db, ['segments', 'jobs', 'meta', 'leads'], async () => {
    const segment = await loadSegmentFor(db, id, options.actorId);
    if (segment.status === 'active') return segment;
    const next = await putSegment(db, { ...segment, status: 'active', updatedAt: options.now });
    await enqueueRefresh(db, next, options.now);
    return next;
  });
}

/**
 * Deactivates a segment: status `inactive`, its pending refresh cancelled, its members frozen as
 * they are (docs/semantics.md §1, §5). Already inactive: returned unchanged. Throws `SegmentOperationError`
 * (`not_found`, `forbidden`).
 */
export function deactivateSegment(db: CrmSegmentsDB, id: string, options: SegmentChangeOptions): Promise<Segment> {
  return writeTransaction(db, ['segments', 'jobs'], async () => {
    const segment = await loadSegmentFor(db, id, options.actorId);
    if (segment.status === 'inactive') return segment;
    const next = await putSegment(db, { ...segment, status: 'inactive', updatedAt: options.now });
    await deleteJob(db, refreshJobId(id));
    return next;
  });
}

/**
 * Manual "Refresh" (docs/semantics.md §5): (re)starts the segment's full refresh with evaluation time `now`.
 * With `actorId`, only the segment's owner may (issue 8: others see it read-only). Throws
 * `SegmentOperationError` `not_found`, `forbidden`, or `inactive` ("Activate the segment to
 * resume updates").
 */
export function refreshSegment(db: CrmSegmentsDB, id: string, options: SegmentChangeOptions): Promise<Segment> {
  return writeTransaction(db, ['segments', 'jobs', 'meta', 'leads'], async () => {
    const segment = await loadSegmentFor(db, id, options.actorId);
    if (segment.status !== 'active') throw new SegmentOperationError('inactive', 'Activate the segment to resume updates.');
    await enqueueRefresh(db, segment, options.now);
    return segment;
  });
}

/**
 * The ACTIVE campaigns whose `segmentIds` include the segment: the UI names them and asks for
 * confirmation before deleting it (docs/semantics.md §5).
 */
export async function campaignsUsingSegment(db: CrmSegmentsDB, id: string): Promise<Campaign[]> {
  return (await listCampaigns(db)).filter((c) => c.status === 'active' && c.segmentIds.includes(id));
}

/**
 * Deletes a segment with its memberships, history and pending job, and removes it from every
 * campaign's `segmentIds`, in one transaction (docs/semantics.md §5). Never deletes leads. Confirmation for
 * active campaigns is the UI's job ({@link campaignsUsingSegment}). Throws `SegmentOperationError`
 * (`not_found`, `forbidden`). Returns what was removed. Active segments whose rules refer to it
 * get a refresh, which marks them invalid (their members stay as they were).
 */
export function deleteSegment(
  db: CrmSegmentsDB,
  id: string,
  options: Pick<SegmentChangeOptions, 'actorId'> & { now?: number } = {},
): Promise<{ id: string; memberships: number; campaignsUpdated: number }> {
  return writeTransaction(db, ['segments', 'memberBlocks', 'segmentHistory', 'jobs', 'campaigns', 'meta', 'leads'], async () => {
    await loadSegmentFor(db, id, options.actorId);
    const memberships = await deleteMembershipsOfSegment(db, id);
    await deleteHistoryOfSegment(db, id);
    await deleteJob(db, refreshJobId(id));
    const campaignsUpdated = await removeSegmentFromCampaigns(db, id);
    await deleteSegmentRow(db, id);
    // Segments built on this one can no longer be evaluated: their refresh marks them invalid.
    for (const dependent of dependentsOf(await listSegments(db), id)) {
      if (dependent.status === 'active') await enqueueRefresh(db, dependent, options.now ?? Date.now());
    }
    return { id, memberships, campaignsUpdated };
  });
}
