/**
 * A/B of the first preview after the service worker starts (issue 10 item 5) between two builds,
 * alternating them under the same machine load, each over its own Chromium profile holding the
 * same synthetic leads (ingested once per build and size, then reused; one profile for both would
 * keep the first build's service worker, as Chromium does for an unpacked extension whose version
 * did not change). Per launch:
 * the lead copy's snapshot dropped and saved again by that build, then `--runs` cold previews
 * (worker stopped, `previewSegment` until it answers a count), each followed by a raw read of the
 * snapshot's records in the same worker. Prints Markdown on stdout, progress on stderr.
 *
 *   npx tsx bench/cold-ab.ts --builds main=/tmp/main-build,new=.output/chrome-mv3 --size 250000 [--rounds 3] [--runs 2] [--profile]
 *
 * --profile: one more cold preview per build in the last round, under the CPU profiler (not
 * counted), written to .tmp/bench-profiles/cold-ab-<name>-<size>.cpuprofile (readable names:
 * builds made with bench/wxt.profile.config.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BENCH_TIME_ZONE } from './context';
import { median } from './browser/results';
import { CONTACTED } from './browser/rules';
import { startBenchSession } from './browser/session';
import { profiledFromStart } from './browser/cold-profile';
import { resetAll } from './browser/steps';

interface Options {
  builds: Array<{ name: string; dir: string }>;
  size: number;
  rounds: number;
  runs: number;
  profile: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { builds: [], size: 250_000, rounds: 3, runs: 2, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--builds') options.builds = String(argv[++i]).split(',').map((b) => ({ name: b.split('=')[0]!, dir: resolve(b.split('=')[1]!) }));
    else if (arg === '--size') options.size = Number(argv[++i]);
    else if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--profile') options.profile = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.builds.length === 0 || options.builds.some((b) => !b.name || !existsSync(b.dir))) throw new Error('--builds name=dir,name=dir (built extensions)');
  return options;
}

interface Figures {
  ms: number[];
  raw: number[];
  heapMb: number[];
  loadingAnswers: number[];
  formats: Set<number | undefined>;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const figures = new Map<string, Figures>(options.builds.map((b) => [b.name, { ms: [], raw: [], heapMb: [], loadingAnswers: [], formats: new Set() }]));
  const loads: number[] = [loadavg()[0]!];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? options.builds : [...options.builds].reverse();
    for (const build of order) {
      const userDataDir = resolve(`.tmp/cold-ab/profile-${build.name}-${options.size}`);
      mkdirSync(userDataDir, { recursive: true });
      const b = await startBenchSession({ extensionDir: build.dir, userDataDir });
      const f = figures.get(build.name)!;
      try {
        const first = await b.page('coldPreview', CONTACTED);
        if (first.total !== options.size) {
          console.error(`— ingesting ${options.size.toLocaleString('en-US')} leads (had ${first.total})`);
          await resetAll(b, BENCH_TIME_ZONE);
          await b.page('restart');
          const { stored } = await b.page('ingest', options.size, 5000, false);
          if (stored !== options.size) throw new Error(`ingest stored ${stored}`);
        }
        await b.page('dropSnapshot');
        await b.stopWorker();
        await b.page('coldPreview', CONTACTED); // loads the copy from the leads; this build saves its snapshot
        const saved = await b.page('snapshotSaved');
        if (!saved.current) throw new Error(`${build.name}: snapshot not saved`);
        f.formats.add(saved.format);
        const runs = options.runs + (options.profile && round === options.rounds - 1 ? 1 : 0);
        for (let run = 0; run < runs; run++) {
          await b.stopWorker();
          const work = () => b.page('coldPreview', CONTACTED);
          const profiled = run === options.runs;
          const result = await (profiled ? profiledFromStart(b.driver, b.extensionUrl(''), '.tmp/bench-profiles', `cold-ab-${build.name}-${options.size}`, work) : work());
          if (result.total !== options.size) throw new Error(`cold preview scanned ${result.total}`);
          await b.reattachWorker();
          const heap = await b.debugger.heapMb();
          const raw = (await b.worker('rawProductRead', 'snapshot')).ms;
          console.error(`— ${build.name} round ${round + 1}${profiled ? ' (profiled, not counted)' : ''}: ${result.ms.toFixed(0)} ms (raw ${raw.toFixed(0)} ms, heap ${heap.toFixed(0)} MB, load ${loadavg()[0]!.toFixed(1)})`);
          if (profiled) continue;
          f.heapMb.push(heap);
          f.raw.push(raw);
          f.ms.push(result.ms);
          f.loadingAnswers.push(result.loadingAnswers);
        }
      } finally {
        await b.close();
      }
      loads.push(loadavg()[0]!);
    }
  }
  console.log(`- ${options.size.toLocaleString('en-US')} leads, ${options.rounds} rounds × ${options.runs} cold previews per build, builds alternated; load average (1 min): ${loads.map((l) => l.toFixed(1)).join(', ')}`);
  console.log('\n| build | snapshot format | first preview after worker start (median) | all runs, ms | raw snapshot read (median) | heap after (MB) | "Loading leads…" answers |');
  console.log('|---|---|--:|---|--:|--:|--:|');
  for (const { name } of options.builds) {
    const f = figures.get(name)!;
    console.log(`| ${name} | ${[...f.formats].join(', ')} | ${median(f.ms).toFixed(0)} ms | ${f.ms.map((x) => x.toFixed(0)).join(', ')} | ${median(f.raw).toFixed(0)} ms | ${median(f.heapMb).toFixed(0)} | ${median(f.loadingAnswers)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
