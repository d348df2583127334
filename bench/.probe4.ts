// per-segment ns/lead for our engine, compiling either only that segment (monomorphic) or all 10
import { generateLeads } from './synthetic-leads';
import { compileRules } from '../lib/engine/index';
import { BENCH_SEGMENTS } from './segments';
import { BENCH_CONTEXT } from './context';
import { normaliseLead } from './peers/normalised-lead';
const only = process.argv[2] === 'all' ? -1 : Number(process.argv[2]);
const norm = process.argv[3] === 'norm';
let leads = generateLeads({ count: 50000 });
if (norm) leads = leads.map(normaliseLead);
const idx = only < 0 ? BENCH_SEGMENTS.map((_, i) => i) : [only];
const preds = idx.map(i => compileRules(BENCH_SEGMENTS[i]!.rules, BENCH_CONTEXT));
const best = preds.map(() => Infinity);
for (let r = 0; r < 8; r++) preds.forEach((p, k) => { const s = performance.now(); let n = 0; for (const l of leads) if (p(l)) n++; best[k] = Math.min(best[k]!, performance.now() - s); });
console.log(process.argv[2], best.map(x => (x * 1e6 / leads.length).toFixed(0)).join(' '));
