/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function (name, file,
 * line), highest first, as a share of the profile. Usage:
 *
 *   npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';
import { markdownTable } from './report';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

const [file, topArg = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*\/(bench|lib|node_modules|\.tmp)\//, '$1/')}:${lineNumber + 1}:${columnNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'}  ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + (hits.get(node.id) ?? 0));
}
const total = profile.samples.length;
const rows = [...byFunction.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(topArg))
  .map(([key, n]) => [key, `${((100 * n) / total).toFixed(1)} %`]);
process.stdout.write(`${markdownTable(['function (self time)', 'share'], rows, [false, true])}\n`);
