import { absoluteTarget, median, record } from './results';
import { CONTACTED } from './rules';
import type { BenchSession } from './session';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The first preview after the service worker (re)starts (issue 10; MV3 stops it after ~30 s
 * idle): the worker stopped through the DevTools protocol, then the 34 % rules previewed from the
 * page, timed until the answer has a count (answers saying "Loading leads…" are asked again, as
 * the editor does). Measured with the lead copy's stored snapshot current, and with it removed (as
 * before it existed: the copy read from the leads), `runs` times each, alternating; each next to
 * a raw read in the same worker right after: the snapshot's records, or every lead (5,000 a read).
 */
export async function coldPreviewStep(b: BenchSession, size: number, runs: number): Promise<void> {
  const ours = { snapshot: [] as number[], leads: [] as number[] };
  const raw = { snapshot: [] as number[], leads: [] as number[] };
  const loadingAnswers = { snapshot: [] as number[], leads: [] as number[] };
  let parts = 0;
  let heapAfterSnapshot: number | undefined;
  for (let i = 0; i < runs; i++) {
    for (const from of ['snapshot', 'leads'] as const) {
      if (from === 'snapshot') {
        const saved = await b.page('snapshotSaved');
        if (!saved.current) throw new Error(`cold preview: the lead copy's snapshot was not saved at ${n(size)} leads`);
        parts = saved.parts;
      } else {
        await b.page('dropSnapshot');
      }
      await b.stopWorker();
      const result = await b.profiledFromStart(`cold-preview-${from}`, size, () => b.page('coldPreview', CONTACTED));
      if (result.total !== size) throw new Error(`cold preview scanned ${result.total} leads, expected ${size}`);
      ours[from].push(result.ms);
      loadingAnswers[from].push(result.loadingAnswers);
      if (from === 'snapshot' && heapAfterSnapshot === undefined) {
        await b.reattachWorker();
        heapAfterSnapshot = await b.debugger.heapMb();
      }
      const read = await b.worker('rawProductRead', from);
      raw[from].push(read.ms);
    }
  }
  await b.reattachWorker();
  const target = (ms: number) => absoluteTarget(ms, 1000, size >= 250_000);
  const answers = (xs: number[]) => `${median(xs)} "Loading leads…" answers before the count`;
  record({
    leads: n(size),
    operation: 'preview, first after the service worker starts (lead copy snapshot)',
    ours: median(ours.snapshot),
    baseline: median(raw.snapshot),
    ...target(median(ours.snapshot)),
    note: `median of ${runs}; message sent → count, worker start included; raw: the snapshot's ${parts} records read in the worker; ${answers(loadingAnswers.snapshot)}; heap after: ${heapAfterSnapshot?.toFixed(0)} MB`,
  });
  record({
    leads: n(size),
    operation: 'preview, first after the service worker starts (no snapshot: copy read from the leads)',
    ours: median(ours.leads),
    baseline: median(raw.leads),
    ...target(median(ours.leads)),
    note: `median of ${runs}; as before the snapshot existed; raw: every lead read in the worker, 5,000 a read; ${answers(loadingAnswers.leads)}`,
  });
}
