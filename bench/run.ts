/**
 * `npm run bench` — the engine benchmark (issue 2 item 9, docs/semantics.md §9).
 *
 *   npm run bench                  200,000 leads, 5 timed rounds; store bench over 100,000 leads
 *   npm run bench -- --quick       20,000 leads, 2 rounds; store bench over 10,000 leads
 *   options: --leads N  --rounds N  --chunk N (leads per evaluation chunk, default 2,000)
 *            --store-leads N  --no-store  --no-same-input
 *
 * Prints Markdown (pasteable into BENCHMARKS.md) to stdout and progress to stderr. Exits 1 when
 * the engines disagree on a member count or a lead is invalid.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LeadSchema, formatZodError } from '../lib/schema';
import { compareEngines } from './compare';
import { BENCH_NOW, BENCH_TIME_ZONE } from './context';
import { normaliseLeads } from './peers/normalised-lead';
import { comparisonTable, machineSummary, memberCountTable, segmentTimeTable, storeTable, verdict } from './report';
import { runStoreBench } from './store-bench';
import { BENCH_SEED, generateLeads } from './synthetic-leads';
import { parseBenchArgs } from './run-args';

/** The installed version of a dependency ("?" when unreadable). */
function packageVersion(name: string): string {
  try {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const out = (text = '') => process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  out(`# CRM Segments benchmark`);
  out();
  out(`- command: \`${command}\``);
  out(`- machine: ${machineSummary()}`);
  out(`- leads: ${args.leads.toLocaleString('en-US')} synthetic (seed ${BENCH_SEED}), segments: 10, timed rounds: ${args.rounds} (after 1 warm-up pass), evaluated in chunks of ${args.chunk.toLocaleString('en-US')} leads`);
  out(`- evaluation context: now = ${new Date(BENCH_NOW).toISOString()}, time zone ${BENCH_TIME_ZONE}`);

  let start = performance.now();
  const leads = generateLeads({ count: Math.max(args.leads, args.store ? args.storeLeads : 0) });
  const generateMs = performance.now() - start;
  start = performance.now();
  leads.forEach((lead, i) => {
    const parsed = LeadSchema.safeParse(lead);
    if (!parsed.success) throw new Error(`synthetic lead #${i + 1} is invalid: ${formatZodError(parsed.error)}`);
  });
  const validateMs = performance.now() - start;
  const evaluated = leads.slice(0, args.leads);
  const { leads: normalised, normaliseMs } = normaliseLeads(evaluated);
  out(
    `- setup (untimed): generate ${leads.length.toLocaleString('en-US')} leads ${generateMs.toFixed(0)} ms, ` +
      `validate with LeadSchema ${validateMs.toFixed(0)} ms, normalise the peers' copies ${normaliseMs.toFixed(0)} ms`,
  );

  const main = compareEngines(evaluated, { rounds: args.rounds, chunkSize: args.chunk, normalisedLeads: normalised, log });
  out();
  out(`## Engines (main): our engine and hand-written on raw leads, library peers on pre-normalised copies`);
  out();
  out(comparisonTable(main));
  out();
  out('Verdict on the target (≤ 1.3× hand-written, faster than each library peer):');
  out();
  out(verdict(main, normaliseMs));
  out();
  out('Time per lead and segment (median over the timed rounds):');
  out();
  out(segmentTimeTable(main));
  out();
  out(`Member counts (identical for all 6 engines — asserted):`);
  out();
  out(memberCountTable(main));

  if (args.sameInput) {
    const same = compareEngines(evaluated, { rounds: args.rounds, chunkSize: args.chunk, normalisedLeads: normalised, sameInput: true, log });
    out();
    out(`## Engines (same input): every engine on the pre-normalised copies`);
    out();
    out(comparisonTable(same));
    out();
    out(segmentTimeTable(same));
  }

  if (args.store && args.storeLeads > 0) {
    const store = await runStoreBench({ leads: leads.slice(0, args.storeLeads), log });
    out();
    out(`## Store (Node, fake-indexeddb ${packageVersion('fake-indexeddb')}, Dexie ${packageVersion('dexie')})`);
    out();
    out(storeTable(store));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nBENCHMARK FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
