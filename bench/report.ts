import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { ComparisonResult } from './compare';
import type { StoreBenchResult } from './store-bench';

/** The machine a benchmark ran on: CPU model (from /proc/cpuinfo when readable), cores, Node, OS. */
export function machineSummary(): string {
  let model = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1]?.trim() || model;
  } catch {
    // not Linux: keep os.cpus()
  }
  const memGb = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${model}, ${os.cpus().length} cores, ${memGb} GB RAM, Node ${process.version}, ${os.type()} ${os.release()} (${process.arch})`;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (n >= 100 ? int(n) : n.toFixed(1));

/** A Markdown table from a header row and body rows (every cell already text). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, alignRight: readonly boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (alignRight[i] ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (alignRight[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The engine comparison as a Markdown table: throughput and time ratio to the hand-written closures. */
export function comparisonTable(result: ComparisonResult): string {
  const rows = result.engines.map((e) => [
    e.name,
    e.input,
    ms(e.compileMs),
    ms(e.medianMs),
    ms(Math.min(...e.passMs)),
    int(e.evaluationsPerSecond),
    `${e.ratioToHandWritten.toFixed(2)}×`,
  ]);
  return markdownTable(
    ['engine', 'leads given', 'compile 10 segments (ms)', 'median pass (ms)', 'fastest pass (ms)', 'leads×segments / s (median)', 'time vs hand-written (median)'],
    rows,
    [false, false, true, true, true, true, true],
  );
}

/** Time per lead of each segment (median over rounds, ns) per engine: where each engine spends. */
export function segmentTimeTable(result: ComparisonResult): string {
  const short = (name: string) => name.replace(/ \(.*\)$/, '');
  return markdownTable(
    ['segment', ...result.engines.map((e) => `${short(e.name)} (ns/lead)`)],
    result.segments.map((s, i) => [s.id, ...result.engines.map((e) => int(e.segmentNsPerLead[i] ?? NaN))]),
    [false, ...result.engines.map(() => true)],
  );
}

/** Member count of each segment of the suite (equal across engines — asserted). */
export function memberCountTable(result: ComparisonResult): string {
  return markdownTable(
    ['segment', 'name', 'members', 'share'],
    result.segments.map((s, i) => {
      const n = result.memberCounts[i] ?? 0;
      return [s.id, s.name, int(n), `${((100 * n) / result.leadCount).toFixed(2)} %`];
    }),
    [false, false, true, true],
  );
}

/**
 * The verdict on the issue's target: engine ≤ 1.3× hand-written and faster than every library peer.
 * `normaliseMs` (building the peers' pre-normalised copies, untimed) is quoted for any peer that
 * beats the engine, as the cost that peer was spared.
 */
export function verdict(result: ComparisonResult, normaliseMs = result.normaliseMs): string {
  const engine = result.engines.find((e) => e.name.startsWith('our engine'));
  if (!engine) return 'our engine was not measured';
  const peers = result.engines.filter((e) => e.name !== engine.name && !e.name.startsWith('hand-written'));
  const slowerPeers = peers.filter((p) => p.medianMs <= engine.medianMs);
  const within = engine.ratioToHandWritten <= 1.3;
  const parts = [
    `${within ? 'MET' : 'MISSED'}: our engine takes ${engine.ratioToHandWritten.toFixed(2)}× the hand-written closures' time (target ≤ 1.30×)`,
    slowerPeers.length === 0
      ? `MET: faster than all ${peers.length} library peers`
      : `MISSED: not faster than ${slowerPeers.map((p) => `${p.name} (${(engine.medianMs / p.medianMs).toFixed(2)}× its time)`).join(', ')}`,
  ];
  for (const peer of slowerPeers.filter((p) => p.input === 'normalised' && normaliseMs > 0)) {
    parts.push(
      `  (${peer.name} evaluates pre-normalised copies built outside the timing in ${ms(normaliseMs)} ms; ` +
        `counted once per pass it would take ${ms(peer.medianMs + normaliseMs)} ms, ` +
        `${((peer.medianMs + normaliseMs) / engine.medianMs).toFixed(1)}× our engine's time)`,
    );
  }
  return parts.join('\n');
}

/** The store measurements as a Markdown table. */
export function storeTable(r: StoreBenchResult): string {
  return markdownTable(
    ['measurement', 'result'],
    [
      [`seed ${int(r.leadCount)} leads (bulkPut, batches of 10,000) — setup`, `${int(r.seedLeadsMs)} ms`],
      [`seed ${r.segmentCount} active segments + ${int(r.membershipRows)} memberships — setup`, `${int(r.seedSegmentsMs)} ms`],
      [
        `ingestLeads: 1 changed lead, ${r.segmentCount} active segments, ${int(r.leadCount)} stored leads (median of ${r.ingestMs.length})`,
        `${ms(r.ingestMedianMs)} ms (min ${ms(Math.min(...r.ingestMs))}, max ${ms(Math.max(...r.ingestMs))}; memberships changed in ${r.ingestMembershipChanges} of ${r.ingestMs.length} runs)`,
      ],
      [
        `full refresh of a new segment ("${r.refreshSegmentName}") over ${int(r.leadCount)} leads, ${r.chunks} chunks`,
        `${int(r.refreshNewMs)} ms (${int(r.refreshNewMembers)} members added)`,
      ],
      [`full refresh of the same segment again (no membership change)`, `${int(r.refreshAgainMs)} ms`],
    ],
    [false, true],
  );
}
