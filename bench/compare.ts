import { performance } from 'node:perf_hooks';
import type { Lead } from '../lib/schema';
import { computeBoundaries } from './boundaries';
import { COMPETITORS, type Competitor } from './competitors';
import { BENCH_NOW, BENCH_TIME_ZONE } from './context';
import { normaliseLeads } from './peers/normalised-lead';
import { BENCH_SEGMENTS, type BenchSegment } from './segments';

/** Leads per evaluation chunk (the refresh job's default chunk size, lib/segments). */
export const DEFAULT_CHUNK_SIZE = 2000;

/** One engine's prepared suite: one test per segment, and the items it evaluates. */
interface Prepared {
  competitor: Competitor;
  input: 'raw' | 'normalised';
  tests: Array<(item: never) => boolean>;
  items: readonly unknown[];
  compileMs: number;
}

/** Member counts per segment (suite order) of each engine, by engine name. */
export type CountTable = Map<string, number[]>;

/** The result of one engine in {@link compareEngines}. */
export interface EngineResult {
  name: string;
  /** Which leads it evaluated in this comparison. */
  input: 'raw' | 'normalised';
  /** Time to compile the 10 segments, ms. */
  compileMs: number;
  /** Wall time of each timed pass (every segment over every lead), ms. */
  passMs: number[];
  /** Median pass time, ms. */
  medianMs: number;
  /** leads × segments evaluated per second, from the median pass. */
  evaluationsPerSecond: number;
  /** Median pass time divided by the hand-written closures' median (1 = as fast). */
  ratioToHandWritten: number;
  /** Per segment (suite order): median time per lead over the timed rounds, ns. */
  segmentNsPerLead: number[];
}

/** What {@link compareEngines} measured. */
export interface ComparisonResult {
  leadCount: number;
  segments: readonly BenchSegment[];
  /** Member count per segment (identical across engines, or compareEngines threw). */
  memberCounts: number[];
  /** Whether every engine got the pre-normalised leads (else only the library peers did). */
  sameInput: boolean;
  /** Time to normalise the copies of all leads (outside every timed loop; 0 when given), ms. */
  normaliseMs: number;
  engines: EngineResult[];
}

/** Options of {@link compareEngines}. */
export interface CompareOptions {
  /** Timed passes per engine after one warm-up pass (0 = correctness only). */
  rounds: number;
  /**
   * false (default, the main table): our engine and the hand-written closures evaluate the raw
   * leads, the library peers the pre-normalised copies. true: every engine evaluates the
   * pre-normalised copies (isolates evaluation overhead from text normalisation).
   */
  sameInput?: boolean;
  /**
   * Leads per chunk (default 2,000, the refresh job's chunk size): each pass runs all segments
   * over one chunk before the next.
   */
  chunkSize?: number;
  /** Pre-normalised copies of `leads` to reuse (built here when omitted). */
  normalisedLeads?: readonly Lead[];
  competitors?: readonly Competitor[];
  segments?: readonly BenchSegment[];
  now?: number;
  timeZone?: string;
  /** Progress lines (e.g. console.error); silent when omitted. */
  log?: (line: string) => void;
}

/**
 * Runs every test of the suite over `items[from, to)`, adding each segment's matches to `counts`
 * and, when given, each segment's wall time (ms) to `segmentMs`. The one loop every engine runs.
 */
function evaluateChunk(
  tests: ReadonlyArray<(item: never) => boolean>,
  items: readonly unknown[],
  from: number,
  to: number,
  counts: number[],
  segmentMs?: number[],
): void {
  for (let s = 0; s < tests.length; s++) {
    const test = tests[s] as (item: never) => boolean;
    const start = segmentMs ? performance.now() : 0;
    let n = 0;
    for (let i = from; i < to; i++) if (test(items[i] as never)) n++;
    counts[s] = (counts[s] as number) + n;
    if (segmentMs) segmentMs[s] = (segmentMs[s] as number) + performance.now() - start;
  }
}

/** One untimed pass, chunk by chunk: every segment of the suite over every item; the member counts. */
function runPass(prepared: Prepared, chunkSize: number): number[] {
  const counts = prepared.tests.map(() => 0);
  for (let from = 0; from < prepared.items.length; from += chunkSize) {
    evaluateChunk(prepared.tests, prepared.items, from, Math.min(from + chunkSize, prepared.items.length), counts);
  }
  return counts;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Throws unless every engine found the same member count for every segment, naming each
 * disagreement ("s03 Engaged email readers: hand-written 1234, sift 1200"). The first engine
 * in the table is the reference.
 */
export function assertEqualCounts(counts: CountTable, segments: readonly BenchSegment[]): void {
  const entries = [...counts.entries()];
  const [referenceName, reference] = entries[0] ?? [];
  if (!referenceName || !reference) throw new Error('no engine results to compare');
  const problems: string[] = [];
  segments.forEach((segment, i) => {
    for (const [name, values] of entries.slice(1)) {
      if (values[i] !== reference[i]) {
        problems.push(`${segment.id} ${segment.name}: ${referenceName} ${reference[i]}, ${name} ${values[i]}`);
      }
    }
  });
  if (problems.length > 0) {
    throw new Error(`Engines disagree on member counts:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Runs the engine comparison in one process over the same leads: prepares every engine (the
 * library peers get pre-normalised copies, built once here, outside the timed loops), runs one
 * warm-up pass that also checks every engine finds the same member counts (throws otherwise,
 * see {@link assertEqualCounts}), then `rounds` timed passes per engine. A pass evaluates every
 * segment over every lead, chunk by chunk (`chunkSize` leads: all segments over a chunk, then the
 * next); engines take turns chunk by chunk in a rotating order so machine drift hits every engine
 * alike, and each engine runs a chunk once untimed right before its timed run, so it starts with
 * its own data in the CPU caches (as a refresh chunk just read from the store is). A pass time is
 * the sum of one engine's segment-over-chunk times in a round; reports the median pass and, per
 * segment, the median time per lead.
 */
export function compareEngines(leads: readonly Lead[], options: CompareOptions): ComparisonResult {
  const {
    rounds,
    sameInput = false,
    chunkSize = DEFAULT_CHUNK_SIZE,
    competitors = COMPETITORS,
    segments = BENCH_SEGMENTS,
    now = BENCH_NOW,
    timeZone = BENCH_TIME_ZONE,
    log = () => {},
  } = options;
  const boundaries = computeBoundaries(now, timeZone);

  const needNormalised = sameInput || competitors.some((c) => c.input === 'normalised');
  const built = options.normalisedLeads || !needNormalised ? undefined : normaliseLeads(leads);
  const normalised = options.normalisedLeads ?? built?.leads ?? [];
  const normaliseMs = built?.normaliseMs ?? 0;

  const prepared: Prepared[] = competitors.map((competitor) => {
    const start = performance.now();
    const tests = competitor.prepare(segments, boundaries);
    const compileMs = performance.now() - start;
    const input = sameInput ? 'normalised' : competitor.input;
    return { competitor, input, tests, items: input === 'raw' ? leads : normalised, compileMs };
  });

  const counts: CountTable = new Map();
  for (const p of prepared) {
    log(`warm-up + correctness: ${p.competitor.name}`);
    counts.set(p.competitor.name, runPass(p, chunkSize));
  }
  assertEqualCounts(counts, segments);
  const memberCounts = counts.values().next().value as number[];

  // Chunk by chunk, and within a chunk engine by engine in a rotating order, so a burst of load
  // from elsewhere lands on all engines alike.
  const passMs = prepared.map(() => [] as number[]);
  const segmentRoundMs = prepared.map(() => segments.map(() => [] as number[]));
  const scratch = segments.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    const segmentMs = prepared.map((p) => p.tests.map(() => 0));
    const roundCounts = prepared.map((p) => p.tests.map(() => 0));
    for (let from = 0, chunk = 0; from < leads.length; from += chunkSize, chunk++) {
      const to = Math.min(from + chunkSize, leads.length);
      for (let k = 0; k < prepared.length; k++) {
        const index = (k + round + chunk) % prepared.length;
        const p = prepared[index] as Prepared;
        // Untimed first run: brings exactly the data this engine reads into the CPU caches, as a
        // refresh chunk just read from the store is; otherwise an engine's time would depend on
        // which engine ran before it (and whether that one read the same lead objects).
        evaluateChunk(p.tests, p.items, from, to, scratch);
        evaluateChunk(p.tests, p.items, from, to, roundCounts[index] as number[], segmentMs[index]);
      }
    }
    prepared.forEach((p, i) => {
      if ((roundCounts[i] as number[]).some((n, s) => n !== memberCounts[s])) {
        throw new Error(`${p.competitor.name}: member counts changed between passes`);
      }
      const perSegment = segmentMs[i] as number[];
      perSegment.forEach((ms, s) => (segmentRoundMs[i] as number[][])[s]?.push(ms));
      (passMs[i] as number[]).push(perSegment.reduce((a, b) => a + b, 0));
    });
    log(`timed round ${round + 1}/${rounds} done`);
  }

  const evaluations = leads.length * segments.length;
  const medians = passMs.map((ms) => (ms.length ? median(ms) : NaN));
  const reference = medians[0] as number;
  return {
    leadCount: leads.length,
    segments,
    memberCounts,
    sameInput,
    normaliseMs,
    engines: prepared.map((p, i) => {
      const medianMs = medians[i] as number;
      return {
        name: p.competitor.name,
        input: p.input,
        compileMs: p.compileMs,
        passMs: passMs[i] as number[],
        medianMs,
        evaluationsPerSecond: evaluations / (medianMs / 1000),
        ratioToHandWritten: medianMs / reference,
        segmentNsPerLead: (segmentRoundMs[i] as number[][]).map((ms) => (ms.length ? (median(ms) * 1e6) / leads.length : NaN)),
      };
    }),
  };
}
