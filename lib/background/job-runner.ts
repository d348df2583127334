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
