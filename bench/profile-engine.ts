/**
 * Runs ONE engine of the comparison alone, for a CPU profile of where its time goes:
 *
 *   npx esbuild bench/profile-engine.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=.tmp/profile-engine.mjs
 *   node --cpu-prof --cpu-prof-dir=.tmp/cpu-prof .tmp/profile-engine.mjs [engine] [leads] [passes]
 *   npx tsx bench/cpu-profile-summary.ts .tmp/cpu-prof/<file>.cpuprofile
 *
 * (Bundling first keeps real line numbers in the profile and keeps the tsx loader out of it.)
 *
 * `engine` is a prefix of a competitor name (default "our engine"); leads default 200,000,
 * passes 5. Engines that take pre-normalised leads get them (built before the timed passes).
 */
import { computeBoundaries } from './boundaries';
import { COMPETITORS } from './competitors';
import { BENCH_NOW, BENCH_TIME_ZONE } from './context';
import { normaliseLeads } from './peers/normalised-lead';
import { BENCH_SEGMENTS } from './segments';
import { generateLeads } from './synthetic-leads';

const [prefix = 'our engine', leadArg = '200000', passArg = '5'] = process.argv.slice(2);
const competitor = COMPETITORS.find((c) => c.name.startsWith(prefix));
if (!competitor) throw new Error(`no engine named "${prefix}…" (have: ${COMPETITORS.map((c) => c.name).join(', ')})`);
const raw = generateLeads({ count: Number(leadArg) });
const items = competitor.input === 'raw' ? raw : normaliseLeads(raw).leads;
const tests = competitor.prepare(BENCH_SEGMENTS, computeBoundaries(BENCH_NOW, BENCH_TIME_ZONE));
const start = performance.now();
let members = 0;
const chunk = 2000; // as bench/compare.ts: all segments over a chunk, then the next
for (let pass = 0; pass < Number(passArg); pass++) {
  for (let from = 0; from < items.length; from += chunk) {
    const to = Math.min(from + chunk, items.length);
    for (const test of tests) for (let i = from; i < to; i++) if (test(items[i] as never)) members++;
  }
}
process.stdout.write(`${competitor.name}: ${passArg} passes in ${(performance.now() - start).toFixed(0)} ms (${members} matches)\n`);
