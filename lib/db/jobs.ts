import { RefreshJobSchema, type RefreshJob } from '../schema';
import type { CrmSegmentsDB } from './database';
import { validated } from './validation';
import { compareJobs } from './job-order';

/**
 * The id of a segment's refresh job. One job per segment by construction, so enqueueing twice
 * restarts the job instead of duplicating it (docs/semantics.md §5).
 */
export function refreshJobId(segmentId: string): string {
  return `refresh:${segmentId}`;
}

/** One job, or `undefined`. */
export function getJob(db: CrmSegmentsDB, id: string): Promise<RefreshJob | undefined> {
  return db.jobs.get(id);
}

/** The pending refresh job of a segment, or `undefined`. */
export function getJobOfSegment(db: CrmSegmentsDB, segmentId: string): Promise<RefreshJob | undefined> {
  return db.jobs.get(refreshJobId(segmentId));
}

/** Every pending job, oldest first (by `startedAt`, then id). */
export async function listJobs(db: CrmSegmentsDB): Promise<RefreshJob[]> {
  return (await db.jobs.toArray()).sort(compareJobs);
}

/** Stores a job after validating it with `RefreshJobSchema`; throws `StoreValidationError`. */
export async function putJob(db: CrmSegmentsDB, job: RefreshJob): Promise<RefreshJob> {
  const row = validated(RefreshJobSchema, job, 'refresh job');
  await db.jobs.put(row);
  return row;
}

/** Deletes a job (no-op when absent). */
export async function deleteJob(db: CrmSegmentsDB, id: string): Promise<void> {
  await db.jobs.delete(id);
}
