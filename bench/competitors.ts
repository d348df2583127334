import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { Query } from 'mingo';
import sift from 'sift';
import { compileRules } from '../lib/engine/index';
import type { BenchBoundaries } from './boundaries';
import { BENCH_CONTEXT } from './context';
import { handWrittenPredicates } from './peers/hand-written';
import { jsonLogicRules } from './peers/json-logic-rules';
import type { Lead } from '../lib/schema';
import { mongoQueries } from './peers/mongo-queries';
import type { BenchSegment } from './segments';

/**
 * One engine of the comparison. `input` says which leads it gets in the main table: the `raw`
 * leads (our engine and the hand-written closures, which normalise text themselves, docs/semantics.md §3) or
 * the `normalised` copies (the library peers, see bench/peers/normalised-lead.ts). `prepare`
 * compiles the suite once and returns one test per segment, in suite order; a test's result is
 * read as truthy / falsy.
 */
export interface Competitor {
  name: string;
  input: 'raw' | 'normalised';
  prepare(segments: readonly BenchSegment[], boundaries: BenchBoundaries): Array<(item: never) => boolean>;
}

function byId<T>(table: Record<string, T>, segments: readonly BenchSegment[], engine: string): T[] {
  return segments.map((s) => {
    const entry = table[s.id];
    if (entry === undefined) throw new Error(`${engine} has no query for segment ${s.id}`);
    return entry;
  });
}

/** The hand-written closures: the practical limit (bench/peers/hand-written.ts). */
export const HAND_WRITTEN: Competitor = {
  name: 'hand-written closures',
  input: 'raw',
  prepare: (segments, b) => byId(handWrittenPredicates(b), segments, 'hand-written'),
};

/** Our engine: `compileRules(rules, ctx)` (docs/semantics.md §4). */
export const OUR_ENGINE: Competitor = {
  name: 'our engine (compileRules)',
  input: 'raw',
  prepare: (segments) => segments.map((s) => compileRules(s.rules, BENCH_CONTEXT)),
};

/** json-logic-js: interpreted `jsonLogic.apply(rule, data)` per lead. */
export const JSON_LOGIC_JS: Competitor = {
  name: 'json-logic-js',
  input: 'normalised',
  prepare: (segments, b) =>
    byId(jsonLogicRules(b), segments, 'json-logic-js').map((rule) => (lead: Lead) => jsonLogic.apply(rule as never, lead) as boolean),
};

/**
 * json-logic-engine, compiled: `new LogicEngine().build(rule)` generates JavaScript source and
 * compiles it with `globalThis.eval` (fine in Node; forbidden by the extension's MV3 CSP).
 */
export const JSON_LOGIC_ENGINE: Competitor = {
  name: 'json-logic-engine (compiled)',
  input: 'normalised',
  prepare: (segments, b) => {
    const engine = new LogicEngine();
    return byId(jsonLogicRules(b), segments, 'json-logic-engine').map((rule) => engine.build(rule) as (data: Lead) => boolean);
  },
};

/** mingo: `new Query(criteria)` compiled once, `query.test(doc)` per lead. */
export const MINGO: Competitor = {
  name: 'mingo (Query.test)',
  input: 'normalised',
  prepare: (segments, b) =>
    byId(mongoQueries(b), segments, 'mingo').map((criteria) => {
      const query = new Query(criteria);
      return (lead: Lead) => query.test(lead);
    }),
};

/** sift: `sift(query)` builds a tester once, called per lead. */
export const SIFT: Competitor = {
  name: 'sift',
  input: 'normalised',
  prepare: (segments, b) => byId(mongoQueries(b), segments, 'sift').map((query) => sift(query as never) as (lead: Lead) => boolean),
};

/** Every engine of the comparison, reference (hand-written) first. */
export const COMPETITORS: readonly Competitor[] = [HAND_WRITTEN, OUR_ENGINE, JSON_LOGIC_JS, JSON_LOGIC_ENGINE, MINGO, SIFT];
