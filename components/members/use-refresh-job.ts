import { getJobOfSegment } from '../../lib/db/jobs';
import type { RefreshJob } from '../../lib/schema';
import { useDb } from '../db-context';
import { useLiveQuery } from '../use-live-query';

/**
 * The running refresh job of a segment, live (one keyed read per job write), or undefined when
 * none runs: its `processed` / `total` say how many leads are checked (issue 10 item 6).
 * `initialJobs`: the jobs read before the first render, answering until the live query does.
 */
export function useRefreshJob(segmentId: string | undefined, initialJobs?: readonly RefreshJob[]): RefreshJob | undefined {
  const db = useDb();
  const initial = initialJobs && segmentId ? (initialJobs.find((j) => j.segmentId === segmentId) ?? null) : undefined;
  return useLiveQuery(async () => (segmentId ? ((await getJobOfSegment(db, segmentId)) ?? null) : null), [db, segmentId], initial).data ?? undefined;
}
