import { generateLeads } from './synthetic-leads';
import { computeBoundaries } from './boundaries';
import { COMPETITORS } from './competitors';
import { BENCH_SEGMENTS } from './segments';
import { BENCH_NOW, BENCH_TIME_ZONE } from './context';
import { normaliseLead } from './peers/normalised-lead';
const leads = generateLeads({ count: 50000 });
const norm = leads.map(normaliseLead);
const b = computeBoundaries(BENCH_NOW, BENCH_TIME_ZONE);
const same = process.argv.includes('--same');
const only = process.argv.find(a => a.startsWith('--only='))?.slice(7);
const preps = COMPETITORS.filter(c => !only || only.split(',').some(o => c.name.startsWith(o))).map(c => ({ c, tests: c.prepare(BENCH_SEGMENTS, b), items: c.input === 'raw' && !same ? leads : norm }));
const res: Record<string, number[]> = {};
for (let r = 0; r < 7; r++) for (const p of preps) {
  const arr = res[p.c.name] ??= new Array(10).fill(Infinity);
  p.tests.forEach((t, i) => { const s = performance.now(); let n = 0; for (const x of p.items) if (t(x as never)) n++; const e = performance.now() - s; if (r > 0) arr[i] = Math.min(arr[i]!, e); });
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(30), v.map(x => (x * 1e6 / leads.length).toFixed(0).padStart(5)).join(' '), ' ns/lead', (v.reduce((a,b)=>a+b)*1e6/leads.length/10).toFixed(0));
