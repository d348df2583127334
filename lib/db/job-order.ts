import type { RefreshJob } from '../schema';

/** Order of pending jobs: oldest first (by `startedAt`, then id). */
export function compareJobs(a: RefreshJob, b: RefreshJob): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
