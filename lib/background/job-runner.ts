import { listJobs, type CrmSegmentsDB } from '../db';
import { runRefreshJob, type RefreshProgress, type RefreshRunOptions } from '../segments/refresh-job';

/**
 * Runs queued work one item at a time (refresh jobs must not interleave: each chunk reads and
 * writes its segment's memberships). `kick()` starts a drain if none is running; `idle()` resolves
 * when the queue is empty. Errors of one item are reported and do not stop the drain.
 */
export interface JobRunner {
  kick(): void;
  idle(): Promise<void>;
}

/**
 * @param nextJob returns the next pending job id, or undefined when none is left
 * @param runJob runs one job to completion (or until it yields; it is asked again via nextJob)
 * @param onError called with a job's failure
 */
export function createJobRunner(
  nextJob: () => Promise<string | undefined>,
  runJob: (jobId: string) => Promise<void>,
  onError: (jobId: string, error: unknown) => void,
): JobRunner {
  let draining: Promise<void> | null = null;
  let again = false;
  const failed = new Set<string>();

  const drain = async () => {
    do {
      again = false;
      for (let jobId = await nextJob(); jobId !== undefined; jobId = await nextJob()) {
        if (failed.has(jobId)) break; // a job that failed stays pending for the next alarm, not a hot loop
        try {
          await runJob(jobId);
        } catch (error) {
          failed.add(jobId);
          onError(jobId, error);
        }
      }
    } while (again);
    failed.clear();
  };

  return {
    kick() {
      if (draining) {
        again = true;
        return;
      }
      draining = drain().finally(() => {
        draining = null;
      });
    },
    async idle() {
      while (draining) await draining;
    },
  };
}

/** What {@link createRefreshJobRunner} needs besides the database. */
export interface RefreshJobRunnerOptions {
  /** The evaluation time zone, read when each job starts. */
  timeZone: () => Promise<string>;
  /** Wall clock, epoch ms. */
  clock: () => number;
  /** Leads per chunk (default: `runRefreshJob`'s). */
  chunkSize?: number;
  /** The in-memory lead copy, evaluated instead of reading leads when current (`runRefreshJob`). */
  known?: RefreshRunOptions['known'];
  /** Each committed chunk's progress (the background pushes its changed leads to badges). */
  onProgress?: (progress: RefreshProgress) => void;
  /** A job's failure (it stays pending for the next kick). */
  onError: (jobId: string, error: unknown) => void;
}

/**
 * The background's refresh job runner (docs/semantics.md §5): drains the persisted refresh jobs,
 * oldest first, one at a time, each with `runRefreshJob` until it is done — after start-up, an
 * alarm, an ingest or a definition change (`kick()`).
 */
export function createRefreshJobRunner(db: CrmSegmentsDB, options: RefreshJobRunnerOptions): JobRunner {
  return createJobRunner(
    async () => (await listJobs(db))[0]?.id,
    async (jobId) => {
      await runRefreshJob(db, jobId, {
        timeZone: await options.timeZone(),
        clock: options.clock,
        ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.known ? { known: options.known } : {}),
      });
    },
    options.onError,
  );
}
