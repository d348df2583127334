import { compileRules, type EvalContext, type Predicate } from '../engine';
import { RuleError, referencedSegments, type CustomFieldDef, type RuleSet, type Segment } from '../schema';

/** A segment's rules compiled for one evaluation context, or why they cannot be (docs/semantics.md §3 rule 9). */
export type CompiledSegment = { ok: true; predicate: Predicate } | { ok: false; error: string };

interface CacheEntry {
  result: CompiledSegment;
  /** `ctx.now` the predicate was compiled for; only matters for time-dependent predicates. */
  now: number;
}

/** Entries kept per database before the cache starts over (segments × rules versions is small). */
const MAX_ENTRIES = 1000;

/** One cache per database instance, so test databases and worker restarts never share entries. */
const cachesByDatabase = new WeakMap<object, Map<string, CacheEntry>>();

/** A stable text signature of custom field definitions (part of the predicate cache key). */
export function customFieldSignature(defs: readonly CustomFieldDef[]): string {
  return JSON.stringify(
    [...defs]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((d) => [d.key, d.type, d.options ?? null]),
  );
}

/**
 * Compiles rules, turning a `RuleError` (invalid rules, an undefined custom field) into
 * `{ ok: false, error }`. Any other error (a bad time zone, an engine bug) is rethrown: it is not
 * the segment's fault and must not mark segments invalid.
 */
export function tryCompile(rules: RuleSet, ctx: EvalContext): CompiledSegment {
  try {
    return { ok: true, predicate: compileRules(rules, ctx) };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * Returns a compiler for segments under `ctx`, caching per database instance by segment id +
 * rulesVersion + custom-field signature + time zone. A time-dependent predicate is reused only
 * for the same `ctx.now` (its date boundaries are fixed at compile time, docs/semantics.md §4); others are
 * reused across calls. Compile failures are cached too. Rules that refer to other segments are
 * compiled afresh every time: their predicates hold `ctx.segmentMembers`' answers, which change.
 */
export function segmentCompiler(db: object, ctx: EvalContext): (segment: Segment) => CompiledSegment {
  let cache = cachesByDatabase.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDatabase.set(db, cache);
  }
  const entries = cache;
  const context = `${customFieldSignature(ctx.customFields)}|${ctx.timeZone}`;
  return (segment) => {
    if (referencedSegments(segment.rules).length > 0) return tryCompile(segment.rules, ctx);
    const key = `${segment.id}|${segment.rulesVersion}|${context}`;
    const hit = entries.get(key);
    if (hit && (!hit.result.ok || !hit.result.predicate.timeDependent || hit.now === ctx.now)) return hit.result;
    const result = tryCompile(segment.rules, ctx);
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { result, now: ctx.now });
    return result;
  };
}
