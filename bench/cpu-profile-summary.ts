/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function, highest first,
 * as a share of all samples, then per source file, then total (inclusive) time per named function:
 * the share of samples in which it was on the stack (a recursive function counted once). For an esbuild bundle (see
 * bench/profile-engine.ts) each bundle line is mapped back to its source file through esbuild's
 * `// path/to/file.ts` section comments. Usage:
 *
 *   npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top=25]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './report';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** For a bundle file: line index (0-based) → source file named by the closest section comment above. */
function bundleSections(url: string): ((line: number) => string) | undefined {
  if (!url.startsWith('file://') || !url.endsWith('.mjs')) return undefined;
  const path = fileURLToPath(url);
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  const section: string[] = [];
  let current = '(bundle)';
  for (const line of lines) {
    const m = /^\/\/ ((?:lib|bench|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(line);
    if (m) current = m[1] as string;
    section.push(current);
  }
  return (line) => section[line] ?? '(bundle)';
}

const [file, topArg = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const resolvers = new Map<string, ((line: number) => string) | undefined>();
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const n = hits.get(node.id) ?? 0;
  if (n === 0) continue;
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (!resolvers.has(url)) resolvers.set(url, bundleSections(url));
  const topLevel = lineNumber === 0 && columnNumber === 0 && url !== '';
  const source = topLevel
    ? `(top level of ${url.replace(/^.*\//, '')})`
    : (resolvers.get(url)?.(lineNumber) ?? (url ? url.replace(/^.*\/(bench|lib|node_modules)\//, '$1/') : functionName));
  const key = `${functionName || '(anonymous)'}  ${source}  (${lineNumber + 1}:${columnNumber + 1})`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + n);
  byFile.set(source, (byFile.get(source) ?? 0) + n);
}
const total = profile.samples.length;
// Total time: each sample counts once for every distinct named function on its stack.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
const inclusive = new Map<string, number>();
for (const [id, n] of hits) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = nodeById.get(at)?.callFrame;
    if (!frame?.functionName || frame.functionName.startsWith('(')) continue;
    seen.add(`${frame.functionName}  ${frame.url.replace(/^.*\//, '')}`);
  }
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + n);
}
const table = (map: Map<string, number>, title: string) =>
  markdownTable(
    [title, 'share'],
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(topArg))
      .map(([key, n]) => [key, `${((100 * n) / total).toFixed(1)} %`]),
    [false, true],
  );
process.stdout.write(
  `${table(byFunction, 'function (self time)')}\n\n${table(byFile, 'source file (self time)')}\n\n${table(inclusive, 'named function (total time, on the stack)')}\n`,
);
