import type { Worker } from 'playwright-core';

/**
 * Shifts the extension service worker's clock by `offsetMs` (0 restores real time): `Date.now`
 * in the worker returns real time plus the offset, so the background's real write paths (ingest,
 * refresh) record their work on simulated days. The background reads `Date.now()` at every call
 * (entrypoints/background/index.ts). Lost if Chromium restarts the worker.
 */
export async function shiftWorkerClock(worker: Worker, offsetMs: number): Promise<void> {
  await worker.evaluate((offset) => {
    const scope = globalThis as unknown as { __realDateNow?: () => number };
    const real = (scope.__realDateNow ??= Date.now.bind(Date));
    Date.now = offset === 0 ? real : () => real() + offset;
  }, offsetMs);
}
