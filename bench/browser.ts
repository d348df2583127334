/**
 * `npm run bench:browser` (issue 10 item 8): the product measured in real Chromium next to raw
 * IndexedDB in the same extension origin and service worker. Leads are generated inside the
 * browser (bench/browser/page-kit.ts) and sent as the product's pages send them; every operation
 * alternates with its raw baseline (bench/browser/worker-kit.ts); the worker's heap is sampled
 * through the DevTools protocol. Prints Markdown (the table of BENCHMARKS.md) on stdout and
 * progress on stderr. Options:
 *
 *   --sizes 10000,100000,250000   synthetic lead counts, ascending (default)
 *   --runs 3                      repetitions of the short operations (medians)
 *   --cap-seconds 180             stop a product operation after this long, recorded as "> cap"
 *   --no-sync                     skip "Sync all" of the real dataset
 *   --no-changed                  skip the single-lead measurement (its own ingest with 50 segments)
 *   --no-segments                 skip preview, refreshes, side panel and popup (ingest and Sync all only)
 *   --panel-only                  of those, only the every-lead refresh and the side panel rows
 *   --ui-only                     of those, only the every-lead refresh, side panel first rows and popup counts
 *   --changed-only                only the single-lead measurement (no Sync all, no first pass of sizes)
 *   --cold-only                   only the ingest and the first preview after the service worker
 *                                 restarts (with and without the lead copy's snapshot)
 *   --profile refresh-all,…       CPU-profile these operations in the worker (ingest, ingest-50,
 *                                 preview, refresh-34, refresh-all, refresh-34-panel,
 *                                 refresh-all-panel, first-rows, popup, changed, sync,
 *                                 cold-preview-snapshot, cold-preview-leads) into
 *                                 .tmp/bench-profiles/<op>-<size>.cpuprofile
 *   --trace-panel DIR             Chromium performance traces of the side panel during the sort
 *                                 click and the search keystroke, into DIR/<sort|search>-<size>-<run>.json
 *   --extension-dir DIR           load this build instead of .output/chrome-mv3; for readable
 *                                 profiles: `npx wxt build -c bench/wxt.profile.config.ts` and
 *                                 `--extension-dir .output/profile/chrome-mv3`
 *
 * Build first (`npm run build`; the npm script does it).
 */
import { loadavg } from 'node:os';
import { startDemoCrm } from '../demo/server/server';
import { LEADS_CSV } from '../e2e/real-dataset';
import { BENCH_TIME_ZONE } from './context';
import { machineSummary } from './report';
import { resultsTable } from './browser/results';
import { startBenchSession } from './browser/session';
import { setPanelTraceDir } from './browser/panel-trace';
import { coldPreviewStep } from './browser/cold-steps';
import { changedLeadStep, fiftySegments, heapStep, ingestStep, previewStep, resetAll, segmentSteps, setCap, setSegmentStepsMode, syncStep, type SegmentStepsMode } from './browser/steps';

interface Options {
  sizes: number[];
  runs: number;
  sync: boolean;
  changed: boolean;
  /** Only the single-lead measurement: the first pass over the sizes (ingest without segments) is skipped. */
  changedOnly?: boolean;
  /** The first preview after the service worker restarts (bench/browser/cold-steps.ts). */
  cold: boolean;
  segments: boolean;
  mode: SegmentStepsMode;
  profile: Set<string>;
  extensionDir?: string;
  capSeconds: number;
  tracePanel?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [10_000, 100_000, 250_000], runs: 3, sync: true, changed: true, segments: true, cold: true, mode: 'all', profile: new Set(), capSeconds: 180 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = String(argv[++i]).split(',').map(Number);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--no-sync') options.sync = false;
    else if (arg === '--cap-seconds') options.capSeconds = Number(argv[++i]);
    else if (arg === '--no-changed') options.changed = false;
    else if (arg === '--no-segments') Object.assign(options, { segments: false, cold: false });
    else if (arg === '--panel-only') Object.assign(options, { mode: 'panel', cold: false });
    else if (arg === '--ui-only') Object.assign(options, { mode: 'ui', cold: false });
    else if (arg === '--changed-only') Object.assign(options, { sync: false, segments: false, cold: false, changed: true, changedOnly: true });
    else if (arg === '--cold-only') Object.assign(options, { sync: false, segments: false, changed: false, cold: true });
    else if (arg === '--profile') options.profile = new Set(String(argv[++i]).split(','));
    else if (arg === '--extension-dir') options.extensionDir = String(argv[++i]);
    else if (arg === '--trace-panel') options.tracePanel = String(argv[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.sizes.some((s, i) => !Number.isInteger(s) || s < 5000 || s <= (options.sizes[i - 1] ?? 0))) throw new Error('--sizes: ascending whole numbers ≥ 5,000');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs: a whole number ≥ 1');
  return options;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  setCap(options.capSeconds * 1000);
  setSegmentStepsMode(options.mode);
  setPanelTraceDir(options.tracePanel);
  const started = Date.now();
  const load = [loadavg()];
  const b = await startBenchSession({ profile: options.profile, ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}) });
  const progress = (what: string) => console.error(`— ${what} (${Math.round((Date.now() - started) / 1000)} s, load ${loadavg()[0]!.toFixed(1)})`);
  try {
    await resetAll(b, BENCH_TIME_ZONE);
    if (options.sync) {
      progress('Sync all, real dataset');
      const crm = await startDemoCrm({ port: 0, csvPath: LEADS_CSV });
      try {
        await syncStep(b, crm.url, options.runs, BENCH_TIME_ZONE);
      } finally {
        await crm.close();
      }
    }

    let stored = 0;
    for (const size of options.changedOnly ? [] : options.sizes) {
      progress(`${size.toLocaleString('en-US')} leads`);
      await ingestStep(b, size, size - stored);
      stored = size;
      if (options.segments) {
        if (options.mode === 'all') await previewStep(b, size);
        await segmentSteps(b, size, options.runs);
      }
      if (options.cold) await coldPreviewStep(b, size, options.runs);
      await heapStep(b, size);
      load.push(loadavg());
    }

    if (options.changed) {
      progress('50 active segments');
      await resetAll(b, BENCH_TIME_ZONE);
      await b.page('restart');
      await fiftySegments(b);
      stored = 0;
      for (const size of options.sizes) {
        await ingestStep(b, size, size - stored, true);
        stored = size;
        await changedLeadStep(b, size, Math.max(9, options.runs), BENCH_TIME_ZONE);
        await heapStep(b, size);
        load.push(loadavg());
      }
    }
    progress('done');
  } finally {
    await b.close();
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const loads = load.map((l) => l[0]!.toFixed(1)).join(', ');
  console.log(`- command: \`npm run bench:browser -- ${process.argv.slice(2).join(' ')}\` (${minutes} min)`);
  console.log(`- machine: ${machineSummary()}; Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`);
  console.log(`- load average (1 min) at the start and after each step: ${loads}`);
  console.log(`- ${new Date().toISOString()}\n`);
  console.log(resultsTable());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
