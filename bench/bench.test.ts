import { beforeAll, describe, expect, it } from 'vitest';
import { compileRules } from '../lib/engine/index';
import { LeadSchema, isRuleSet, type Rule, type RuleSet } from '../lib/schema';
import { assertEqualCounts, compareEngines, type ComparisonResult, type CountTable } from './compare';
import { BENCH_CONTEXT } from './context';
import { readLeadsCsv } from './leads-csv';
import { parseBenchArgs } from './run-args';
import { BENCH_SEGMENTS } from './segments';
import { generateLeads } from './synthetic-leads';

// Correctness of the benchmark only (no timing assertions): the synthetic leads, the suite, and
// that all six engines agree on every member count — the check `npm run bench` makes at scale.

const rows = readLeadsCsv();
const leads = generateLeads({ count: 2500, rows });

const flatten = (set: RuleSet): Rule[] => set.rules.flatMap((r) => (isRuleSet(r) ? flatten(r) : [r]));
const groups = (set: RuleSet): RuleSet[] => set.rules.filter(isRuleSet).flatMap((g) => [g, ...groups(g)]);

describe('synthetic leads', () => {
  it('are deterministic for a seed and differ for another seed', () => {
    expect(generateLeads({ count: 300, rows })).toEqual(leads.slice(0, 300));
    expect(generateLeads({ count: 300, rows, seed: 7 })).not.toEqual(leads.slice(0, 300));
  });

  it('are valid per LeadSchema', () => {
    const invalid = leads.filter((lead) => !LeadSchema.safeParse(lead).success);
    expect(invalid).toEqual([]);
  });

  it('keep the dataset’s messiness: case variants, blanks, the double-spaced tag', () => {
    const sources = new Set(leads.map((l) => l.source));
    expect(sources.has('Google')).toBe(true);
    expect([...sources].some((s) => s !== undefined && s !== 'Google' && s.trim().toLowerCase() === 'google')).toBe(true);
    const blankCountries = leads.filter((l) => l.country === undefined || l.country.trim() === '').length;
    expect(blankCountries / leads.length).toBeGreaterThan(0.15);
    expect(leads.some((l) => l.tags.includes('Interested  in full time MBA'))).toBe(true);
    expect(leads.some((l) => l.campaigns.some((c) => c.state === 'excluded'))).toBe(true);
    expect(leads.every((l) => typeof l.createdAt === 'number' && typeof l.custom.do_not_email === 'boolean')).toBe(true);
  });
});

describe('segment suite', () => {
  it('has 10 segments of 2–6 rules, valid for the engine, with exactly one OR group', () => {
    expect(BENCH_SEGMENTS).toHaveLength(10);
    for (const segment of BENCH_SEGMENTS) {
      expect(flatten(segment.rules).length).toBeGreaterThanOrEqual(2);
      expect(flatten(segment.rules).length).toBeLessThanOrEqual(6);
      expect(() => compileRules(segment.rules, BENCH_CONTEXT)).not.toThrow();
    }
    const orGroups = BENCH_SEGMENTS.flatMap((s) => groups(s.rules)).filter((g) => g.combinator === 'or');
    expect(orGroups).toHaveLength(1);
  });

  it('covers the operators the issue asks for', () => {
    const used = new Set(BENCH_SEGMENTS.flatMap((s) => flatten(s.rules)).map((r) => r.operator));
    for (const op of ['equals', 'contains', 'is_any_of', 'not_equals', 'gt', 'between', 'before', 'after', 'in_last', 'more_than_ago', 'includes_any', 'includes_none', 'is_in', 'is_excluded_from', 'responded']) {
      expect(used, op).toContain(op);
    }
  });
});

describe('engine comparison', () => {
  // compareEngines throws unless all six engines agree on every segment's member count.
  let raw: ComparisonResult;
  beforeAll(() => {
    raw = compareEngines(leads, { rounds: 0 });
  });

  it('finds the same non-trivial member count per segment in all six engines', () => {
    const result = raw;
    expect(result.engines.map((e) => e.name)).toHaveLength(6);
    for (const count of result.memberCounts) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(leads.length);
    }
  });

  it('agrees as well when every engine gets the pre-normalised leads', () => {
    const same = compareEngines(leads, { rounds: 0, sameInput: true });
    expect(same.memberCounts).toEqual(raw.memberCounts);
    expect(same.engines.every((e) => e.input === 'normalised')).toBe(true);
  });

  it('fails loudly, naming the segment, when one engine disagrees', () => {
    const counts: CountTable = new Map([
      ['hand-written', [5, 7]],
      ['sift', [5, 6]],
    ]);
    expect(() => assertEqualCounts(counts, BENCH_SEGMENTS.slice(0, 2))).toThrow(/s02 .*hand-written 7, sift 6/);
  });
});

describe('command line', () => {
  it('--quick uses 20,000 leads; options override', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ quick: true, leads: 20_000, storeLeads: 10_000 });
    expect(parseBenchArgs([])).toMatchObject({ quick: false, leads: 200_000, storeLeads: 100_000 });
    expect(parseBenchArgs(['--quick', '--leads', '500', '--no-store'])).toMatchObject({ leads: 500, store: false });
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option/);
  });
});
