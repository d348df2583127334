import { getJobOfSegment } from '../../lib/db/jobs';
import type { RefreshJob } from '../../lib/schema';
import { useDb } from '../db-context';
import { useLiveQuery } from '../use-live-query';

/**
 * The running refresh job of a segment, live (one keyed read per job write), or undefined when
 * none runs: its `processed` / `total` say how many leads are checked (issue 10 item 6).
 */
export function useRefreshJob(segmentId: string | undefined): RefreshJob | undefined {
  const db = useDb();
  return useLiveQuery(async () => (segmentId ? ((await getJobOfSegment(db, segmentId)) ?? null) : null), [db, segmentId]).data ?? undefined;
}
