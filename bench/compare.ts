import { performance } from 'node:perf_hooks';
import type { Lead } from '../lib/schema';
import { computeBoundaries } from './boundaries';
import { COMPETITORS, type Competitor } from './competitors';
import { BENCH_NOW, BENCH_TIME_ZONE } from './context';
import { normaliseLead } from './peers/normalised-lead';
import { BENCH_SEGMENTS, type BenchSegment } from './segments';

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
}

/** What {@link compareEngines} measured. */
export interface ComparisonResult {
  leadCount: number;
  segments: readonly BenchSegment[];
  /** Member count per segment (identical across engines, or compareEngines threw). */
  memberCounts: number[];
  /** Whether every engine got the pre-normalised leads (else only the library peers did). */
  sameInput: boolean;
  /** Time to build the pre-normalised copies of all leads (outside every timed loop), ms. */
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
  /** Pre-normalised copies of `leads` to reuse (built here when omitted). */
  normalisedLeads?: readonly Lead[];
  competitors?: readonly Competitor[];
  segments?: readonly BenchSegment[];
  now?: number;
  timeZone?: string;
  /** Progress lines (e.g. console.error); silent when omitted. */
  log?: (line: string) => void;
}

/** Counts the items a test accepts. The one loop every engine runs through. */
function countMatches(test: (item: never) => boolean, items: readonly unknown[]): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (test(items[i] as never)) n++;
  return n;
}

/** One untimed pass: every segment of the suite over every item; returns the member counts. */
function runPass(prepared: Prepared): number[] {
  return prepared.tests.map((test) => countMatches(test, prepared.items));
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
 * see {@link assertEqualCounts}), then `rounds` timed passes per engine, interleaved segment by
 * segment with a rotating engine order so machine drift hits every engine alike. A pass time is
 * the sum of one engine's 10 segment runs in a round; reports the median over rounds.
 */
export function compareEngines(leads: readonly Lead[], options: CompareOptions): ComparisonResult {
  const {
    rounds,
    sameInput = false,
    competitors = COMPETITORS,
    segments = BENCH_SEGMENTS,
    now = BENCH_NOW,
    timeZone = BENCH_TIME_ZONE,
    log = () => {},
  } = options;
  const boundaries = computeBoundaries(now, timeZone);

  const normaliseStart = performance.now();
  const needNormalised = sameInput || competitors.some((c) => c.input === 'normalised');
  const normalised = options.normalisedLeads ?? (needNormalised ? leads.map(normaliseLead) : []);
  const normaliseMs = options.normalisedLeads ? 0 : performance.now() - normaliseStart;

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
    counts.set(p.competitor.name, runPass(p));
  }
  assertEqualCounts(counts, segments);
  const memberCounts = counts.values().next().value as number[];

  // Interleave finely: within a round, every segment is run by every engine before the next
  // segment (engine order rotating), so a burst of load from elsewhere lands on all engines alike.
  const passMs = prepared.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    const elapsed = prepared.map(() => 0);
    for (let s = 0; s < segments.length; s++) {
      for (let k = 0; k < prepared.length; k++) {
        const index = (k + round + s) % prepared.length;
        const p = prepared[index] as Prepared;
        const start = performance.now();
        const members = countMatches(p.tests[s] as (item: never) => boolean, p.items);
        elapsed[index] = (elapsed[index] as number) + performance.now() - start;
        if (members !== memberCounts[s]) {
          throw new Error(`${p.competitor.name}: member count of ${segments[s]?.id} changed between passes`);
        }
      }
    }
    elapsed.forEach((ms, i) => (passMs[i] as number[]).push(ms));
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
      };
    }),
  };
}
