/**
 * Property-based test: `compileRules` against a deliberately naive reference interpreter written
 * here from docs/semantics.md §3 (it imports nothing from the engine), on random leads and random nested rule
 * sets; and `explainLead(...).matched` always equals the predicate.
 */
// The reference computes dates with the Temporal polyfill directly, not through the engine's calendar.
import { Temporal } from 'temporal-polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../schema/custom-field';
import type { Lead, LeadCampaign } from '../schema/lead';
import type { Rule, RuleSet } from '../schema/rules';
import { compileRules, explainLead } from './index';

// ---------------------------------------------------------------------------------------------
// The reference interpreter: straightforward, per-lead, no precomputation.
// ---------------------------------------------------------------------------------------------

const CUSTOM: CustomFieldDef[] = [
  { key: 'city', label: 'City', type: 'text' },
  { key: 'lead_quality', label: 'Lead quality', type: 'select' },
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'next_call', label: 'Next call', type: 'date' },
  { key: 'do_not_email', label: 'Do not email', type: 'boolean' },
  { key: 'interests', label: 'Interests', type: 'multiselect' },
];

const TEXT_FIELDS = ['name', 'email', 'company', 'source', 'groupName', 'status', 'priority', 'country', 'language'];
const DATE_FIELDS = ['createdAt', 'lastContactAt'];

/** docs/semantics.md §3 rule 2: the operators that are true on an empty value. */
const NEGATIVE = ['not_equals', 'not_contains', 'is_none_of', 'not_on', 'includes_none', 'is_not_in', 'is_not_excluded_from', 'not_responded'];

/** docs/semantics.md §3 rule 3, step by step in the documented order (docs/semantics.md §3 rule 3). */
function refNormalize(s: string): string {
  const trimmed = s.trim();
  const collapsed = trimmed.split(/\s+/).join(' ');
  return collapsed.normalize('NFKC').toLowerCase();
}

function refTypeOf(field: string): string {
  if (TEXT_FIELDS.includes(field)) return 'text';
  if (DATE_FIELDS.includes(field)) return 'date';
  if (field === 'tags') return 'multiselect';
  if (field.startsWith('campaign')) return field;
  const def = CUSTOM.find((d) => `custom.${d.key}` === field);
  if (!def) throw new Error(`reference: unknown field ${field}`);
  return def.type === 'select' ? 'text' : def.type;
}

function refRaw(field: string, lead: Lead): unknown {
  if (field.startsWith('custom.')) return (lead.custom as Record<string, unknown>)[field.slice(7)];
  return (lead as unknown as Record<string, unknown>)[field];
}

/**
 * The lead's value as its type, or null when empty (docs/semantics.md §3 rule 1; a wrong JS type is empty,
 * and blank list elements do not count, as documented in lib/engine).
 */
function refTyped(type: string, raw: unknown): unknown {
  switch (type) {
    case 'text':
      return typeof raw === 'string' && raw.trim() !== '' ? refNormalize(raw) : null;
    case 'number':
    case 'date':
      return typeof raw === 'number' && !Number.isNaN(raw) ? raw : null;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null;
    case 'multiselect': {
      if (!Array.isArray(raw)) return null;
      const items = raw.filter((e): e is string => typeof e === 'string' && e.trim() !== '').map(refNormalize);
      return items.length ? items : null;
    }
  }
  return null;
}

/** Time-zone arithmetic is slow (Intl); the reference remembers results so the test stays quick. */
const refCache = new Map<string, number>();
function remembered(key: string, compute: () => number): number {
  let value = refCache.get(key);
  if (value === undefined) refCache.set(key, (value = compute()));
  return value;
}

function refDayStart(day: string, timeZone: string): number {
  return remembered(`start ${day} ${timeZone}`, () => Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds);
}
const refDayEnd = (day: string, timeZone: string): number =>
  remembered(`end ${day} ${timeZone}`, () => Temporal.PlainDate.from(day).add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds);

function refShift(now: number, amount: number, unit: string, timeZone: string): number {
  return remembered(`shift ${now} ${amount} ${unit} ${timeZone}`, () => {
    const start = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone);
    const days = unit === 'weeks' ? amount * 7 : amount;
    return (unit === 'months' ? start.add({ months: amount }) : start.add({ days })).epochMilliseconds;
  });
}

interface RefCtx {
  now: number;
  timeZone: string;
}

function refCampaignRule(rule: Rule, lead: Lead): boolean {
  const entries: LeadCampaign[] = Array.isArray(lead.campaigns) ? lead.campaigns : [];
  if (rule.field === 'campaignResponse') {
    const { campaignId, responses } = rule.value as { campaignId: string; responses: string[] };
    const responded = entries.some(
      (e) => (campaignId === 'any' || e.campaignId === campaignId) && e.response !== undefined && responses.includes(e.response),
    );
    return rule.operator === 'responded' ? responded : !responded;
  }
  const state = rule.field === 'campaignParticipation' ? 'participating' : 'excluded';
  const found = entries.some((e) => e.state === state && (rule.value === 'any' || e.campaignId === rule.value));
  return rule.operator === 'is_in' || rule.operator === 'is_excluded_from' ? found : !found;
}

/**
 * The other segments segment membership rules name, as arithmetic on the lead's number
 * (`t/<i>`); the engine gets the same members as Sets (see SEGMENT_SETS below).
 */
const REF_SEGMENTS: Record<string, (n: number) => boolean> = {
  'seg-even': (n) => n % 2 === 0,
  'seg-third': (n) => n % 3 === 0,
  'seg-empty': () => false,
};

function refRule(rule: Rule, lead: Lead, ctx: RefCtx): boolean {
  if (rule.field === 'segmentMembership') {
    const member = REF_SEGMENTS[rule.value as string]!(Number(lead.id.split('/')[1]));
    return rule.operator === 'is_member_of' ? member : !member; // docs/semantics.md §3: is_not_member_of is negative
  }
  const type = refTypeOf(rule.field);
  if (type.startsWith('campaign')) return refCampaignRule(rule, lead);
  const v = refTyped(type, refRaw(rule.field, lead));
  const op = rule.operator;
  if (op === 'is_empty') return v === null;
  if (op === 'is_not_empty') return v !== null;
  if (v === null) return NEGATIVE.includes(op);
  const x = rule.value;
  if (type === 'text') {
    const s = v as string;
    if (op === 'equals') return s === refNormalize(x as string);
    if (op === 'not_equals') return s !== refNormalize(x as string);
    if (op === 'contains') return s.includes(refNormalize(x as string));
    if (op === 'not_contains') return !s.includes(refNormalize(x as string));
    if (op === 'starts_with') return s.startsWith(refNormalize(x as string));
    if (op === 'ends_with') return s.endsWith(refNormalize(x as string));
    if (op === 'is_any_of') return (x as string[]).some((o) => refNormalize(o) === s);
    if (op === 'is_none_of') return !(x as string[]).some((o) => refNormalize(o) === s);
  }
  if (type === 'number') {
    const n = v as number;
    if (op === 'equals') return n === x;
    if (op === 'not_equals') return n !== x;
    if (op === 'gt') return n > (x as number);
    if (op === 'gte') return n >= (x as number);
    if (op === 'lt') return n < (x as number);
    if (op === 'lte') return n <= (x as number);
    if (op === 'between') return (x as number[])[0]! <= n && n <= (x as number[])[1]!;
  }
  if (type === 'date') {
    const t = v as number;
    const tz = ctx.timeZone;
    if (op === 'on') return refDayStart(x as string, tz) <= t && t < refDayEnd(x as string, tz);
    if (op === 'not_on') return !(refDayStart(x as string, tz) <= t && t < refDayEnd(x as string, tz));
    if (op === 'before') return t < refDayStart(x as string, tz);
    if (op === 'after') return t >= refDayEnd(x as string, tz);
    if (op === 'between') return refDayStart((x as string[])[0]!, tz) <= t && t < refDayEnd((x as string[])[1]!, tz);
    const { amount, unit } = x as { amount: number; unit: string };
    if (op === 'in_last') return refShift(ctx.now, -amount, unit, tz) <= t && t <= ctx.now;
    if (op === 'more_than_ago') return t < refShift(ctx.now, -amount, unit, tz);
    if (op === 'in_next') return ctx.now <= t && t <= refShift(ctx.now, amount, unit, tz);
  }
  if (type === 'boolean') {
    if (op === 'is_true') return v === true;
    if (op === 'is_false') return v === false;
  }
  if (type === 'multiselect') {
    const items = v as string[];
    const wanted = (x as string[]).map(refNormalize);
    if (op === 'includes_any') return wanted.some((w) => items.includes(w));
    if (op === 'includes_all') return wanted.every((w) => items.includes(w));
    if (op === 'includes_none') return !wanted.some((w) => items.includes(w));
  }
  throw new Error(`reference: no semantics for ${rule.field} ${op}`);
}

function refRuleSet(set: RuleSet, lead: Lead, ctx: RefCtx): boolean {
  const results = set.rules.map((node) => ('combinator' in node ? refRuleSet(node, lead, ctx) : refRule(node, lead, ctx)));
  return set.combinator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function refTimeDependent(set: RuleSet): boolean {
  return set.rules.some((node) =>
    'combinator' in node ? refTimeDependent(node) : ['in_last', 'more_than_ago', 'in_next'].includes(node.operator),
  );
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const ZONES = ['Asia/Kolkata', 'America/New_York', 'UTC'];
const NOWS = [
  '2026-03-31T10:00:00Z', // month-end clamping
  '2026-01-31T17:00:00Z',
  '2026-03-08T16:00:00Z', // New York's 23-hour day
  '2026-03-09T06:30:00Z', // 02:30 EDT: one day back is a skipped wall-clock time
  '2026-11-01T05:30:00Z', // New York's 25-hour day
  '2024-02-29T12:00:00Z', // leap day
].map(Date.parse);
const FIXED_DAYS = ['2026-03-08', '2026-03-09', '2026-02-28', '2026-03-31', '2026-01-31', '2026-11-01', '2024-02-29'];
const UNITS = ['days', 'weeks', 'months'] as const;

/** Calendar days near `now` (UTC days; in other zones they straddle `now` too) plus DST/month-end days. */
function daysAround(now: number): string[] {
  const near = [-40, -8, -1, 0, 1, 8, 40].map((k) => new Date(now + k * 864e5).toISOString().slice(0, 10));
  return [...new Set([...near, ...FIXED_DAYS])].sort();
}

/** Spellings of the same text under docs/semantics.md §3 rule 3 (case, white space, NFKC), one family per line. */
const WORDS = [
  ['Google', ' google ', 'GOOGLE', 'ＧＯＯＧＬＥ', 'google \u00a0', '\u3000Google'],
  ['Googlé', 'Google\u0301', 'GOOGLÉ'],
  ['Olark  Chat', 'olark chat', 'olark\tchat\n', 'OLARK CHAT', 'Olark \u00a0Chat', 'olark\u2003chat'],
  ['ﬁle', 'file', 'FILE'],
  ['Café', 'Cafe\u0301', 'CAFÉ'], // precomposed é vs e + combining acute
  ['cafe', 'Cafe'], // no accent: a different text
  ['Converted', 'converted\u00a0', ' CONVERTED'],
  ['ß'],
  ['SS', 'ss'],
  ['İstanbul', 'i\u0307stanbul'],
  ['x \u00a8', 'X \u00a8'],
];
const VARIANTS = WORDS.flat();
const FRAGMENTS = ['goo', 'chat', 'ﬁ', 'fi', 'é', 'e\u0301', 'le', 'ss', 'Ver', 'k c', '\u00a8'];
const BLANKS = ['', '   ', '\t\n', '\u00a0\u3000'];
const CAMPAIGNS = ['email', 'sms', 'chat'];
const RESPONSES = ['opened', 'clicked', 'replied', 'interested', 'not_interested', 'bounced', 'unsubscribed'] as const;

// Rules and leads are generated with placeholders for calendar days and texts; each scenario
// then binds the placeholders to three days near its `now` and three word families, so rules and
// leads often meet (equal spellings, the same day) and the arbitraries are built once.

/** Placeholder for the scenario's day number `$day` (0–2). */
interface DayToken {
  $day: number;
}
/** Placeholder for spelling `$variant` of the scenario's word family `$word` (0–2). */
interface WordToken {
  $word: number;
  $variant: number;
}
/** Placeholder for an ordered pair of the scenario's days (`between`). */
interface DayRangeToken {
  $dayRange: [number, number];
}

const dayToken: fc.Arbitrary<DayToken> = fc.record({ $day: fc.integer({ min: 0, max: 2 }) });
const wordToken: fc.Arbitrary<WordToken> = fc.record({ $word: fc.integer({ min: 0, max: 2 }), $variant: fc.nat(11) });
const anyVariant = fc.constantFrom(...VARIANTS);
const ruleWord = fc.oneof({ weight: 4, arbitrary: wordToken as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyVariant });

/** A scenario's binding of placeholders. */
interface Pools {
  days: string[];
  words: string[][];
}

/** Replaces every placeholder in `value` (deeply) by the scenario's day or spelling. */
function bind<T>(value: T, pools: Pools): T {
  if (Array.isArray(value)) return value.map((v) => bind(v, pools)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('$day' in record) return pools.days[record.$day as number] as T;
  if ('$word' in record) {
    const family = pools.words[record.$word as number]!;
    return family[(record.$variant as number) % family.length] as T;
  }
  if ('$dayRange' in record) return (record.$dayRange as number[]).map((i) => pools.days[i]!).sort() as T;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, bind(v, pools)])) as T;
}

/** A date value, resolved against the run's zone and `now` so many land exactly on boundaries. */
type DateSpec =
  | { kind: 'raw'; value: unknown }
  | { kind: 'offset'; ms: number }
  | { kind: 'dayStart'; day: string; next: boolean; delta: number }
  | { kind: 'shift'; amount: number; unit: (typeof UNITS)[number]; delta: number };

const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), value: fc.constantFrom(undefined, null, Number.NaN, '2026-03-08', '') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('offset' as const), ms: fc.integer({ min: -50 * 864e5, max: 50 * 864e5 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('dayStart' as const),
      day: dayToken as unknown as fc.Arbitrary<string>,
      next: fc.boolean(),
      delta: fc.constantFrom(-1, 0, 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('shift' as const),
      amount: fc.constantFrom(-30, -3, -2, -1, 1, 2, 3, 30),
      unit: fc.constantFrom(...UNITS),
      delta: fc.constantFrom(-1, 0, 1),
    }),
  },
);

function resolveDate(spec: DateSpec, now: number, timeZone: string): unknown {
  switch (spec.kind) {
    case 'raw':
      return spec.value;
    case 'offset':
      return now + spec.ms;
    case 'dayStart':
      return (spec.next ? refDayEnd(spec.day, timeZone) : refDayStart(spec.day, timeZone)) + spec.delta;
    case 'shift':
      return refShift(now, spec.amount, spec.unit, timeZone) + spec.delta;
  }
}

const leadText = fc.oneof(
  { weight: 8, arbitrary: wordToken as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.constantFrom(...BLANKS) },
  { weight: 2, arbitrary: fc.constantFrom(undefined, null, Number.NaN, 42) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const leadList = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: wordToken as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constantFrom(...BLANKS) }), {
      maxLength: 5,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'Google', [null, 1]) },
);
const leadNumber = fc.constantFrom(-1, 0, 1, 2.5, 3, 5, 10, Number.NaN, undefined, null, '5', Infinity);
const leadBoolean = fc.constantFrom(true, false, undefined, null, 'true', 1);
const campaignEntry = fc.record(
  {
    campaignId: fc.constantFrom(...CAMPAIGNS),
    state: fc.constantFrom('participating' as const, 'excluded' as const),
    response: fc.constantFrom(...RESPONSES),
  },
  { requiredKeys: ['campaignId', 'state'] },
);

interface LeadSpec {
  texts: Record<string, unknown>;
  tags: unknown;
  dates: Record<string, DateSpec>;
  campaigns: LeadCampaign[];
  custom: Record<string, unknown>;
  customDate: DateSpec;
}

const leadSpec: fc.Arbitrary<LeadSpec> = fc.record({
  texts: fc.record(Object.fromEntries(TEXT_FIELDS.map((f) => [f, leadText])), { requiredKeys: [] }),
  tags: leadList,
  dates: fc.record({ createdAt: dateSpec, lastContactAt: dateSpec }, { requiredKeys: [] }),
  campaigns: fc.array(campaignEntry, { maxLength: 3 }),
  custom: fc.record(
    { city: leadText, lead_quality: leadText, total_visits: leadNumber, do_not_email: leadBoolean, interests: leadList },
    { requiredKeys: [] },
  ),
  customDate: dateSpec,
});

/** A lead from a bound spec (texts already spelled, dates resolved here). */
function buildLead(spec: LeadSpec, i: number, now: number, timeZone: string): Lead {
  const lead: Record<string, unknown> = { id: `t/${i}`, crmKey: 't', crmId: String(i), name: '', tags: spec.tags, campaigns: spec.campaigns, syncedAt: now };
  for (const [k, v] of Object.entries(spec.texts)) lead[k] = v;
  for (const [k, d] of Object.entries(spec.dates)) lead[k] = resolveDate(d, now, timeZone);
  const custom: Record<string, unknown> = { ...spec.custom };
  const nextCall = resolveDate(spec.customDate, now, timeZone);
  if (nextCall !== undefined) custom.next_call = nextCall;
  lead.custom = custom;
  return lead as unknown as Lead;
}

const relative = fc.record({ amount: fc.constantFrom(1, 2, 3, 30), unit: fc.constantFrom(...UNITS) });
const numberPair = fc.tuple(fc.constantFrom(0, 1, 2.5, 3, 5), fc.constantFrom(0, 1, 3, 5, 10)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const campaignRef = fc.constantFrom('any', ...CAMPAIGNS);
const ruleWords = fc.array(ruleWord, { minLength: 1, maxLength: 3 });
const dayRange: fc.Arbitrary<DayRangeToken> = fc.record({ $dayRange: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })) });

const rule = (field: string, operator: string, value?: fc.Arbitrary<unknown>): fc.Arbitrary<Rule> =>
  value ? value.map((v) => ({ field, operator, value: v })) : fc.constant({ field, operator });

function textRules(field: string): fc.Arbitrary<Rule>[] {
  return [
    ...['equals', 'not_equals'].map((op) => rule(field, op, fc.oneof({ weight: 9, arbitrary: ruleWord }, { weight: 1, arbitrary: fc.constantFrom('', ' ') }))),
    ...['contains', 'not_contains', 'starts_with', 'ends_with'].map((op) =>
      rule(field, op, fc.oneof({ weight: 2, arbitrary: ruleWord }, { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) })),
    ),
    ...['is_any_of', 'is_none_of'].map((op) => rule(field, op, fc.array(ruleWord, { minLength: 1, maxLength: 5 }))),
    rule(field, 'is_empty'),
    rule(field, 'is_not_empty'),
  ];
}

function dateRules(field: string): fc.Arbitrary<Rule>[] {
  return [
    ...['on', 'not_on', 'before', 'after'].map((op) => rule(field, op, dayToken)),
    rule(field, 'between', dayRange),
    ...['in_last', 'more_than_ago', 'in_next'].map((op) => rule(field, op, relative)),
    rule(field, 'is_empty'),
    rule(field, 'is_not_empty'),
  ];
}

const anyRule: fc.Arbitrary<Rule> = fc.oneof(
  ...['status', 'source', 'country', 'custom.city', 'custom.lead_quality'].flatMap(textRules),
  ...['createdAt', 'lastContactAt', 'custom.next_call'].flatMap(dateRules),
  ...['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte'].map((op) => rule('custom.total_visits', op, fc.constantFrom(0, 1, 3, 5, 2.5))),
  rule('custom.total_visits', 'between', numberPair),
  rule('custom.total_visits', 'is_empty'),
  rule('custom.total_visits', 'is_not_empty'),
  ...['is_true', 'is_false', 'is_empty', 'is_not_empty'].map((op) => rule('custom.do_not_email', op)),
  ...['tags', 'custom.interests'].flatMap((field) => [
    ...['includes_any', 'includes_all', 'includes_none'].map((op) => rule(field, op, ruleWords)),
    rule(field, 'is_empty'),
    rule(field, 'is_not_empty'),
  ]),
  ...['is_in', 'is_not_in'].map((op) => rule('campaignParticipation', op, campaignRef)),
  ...['is_excluded_from', 'is_not_excluded_from'].map((op) => rule('campaignExclusion', op, campaignRef)),
  ...['responded', 'not_responded'].map((op) =>
    rule('campaignResponse', op, fc.record({ campaignId: campaignRef, responses: fc.uniqueArray(fc.constantFrom(...RESPONSES), { minLength: 1, maxLength: 3 }) })),
  ),
  ...['is_member_of', 'is_not_member_of'].map((op) => rule('segmentMembership', op, fc.constantFrom(...Object.keys(REF_SEGMENTS)))),
);

/** Members of the segments above, for leads t/0 … t/19, as the store would hand them to the engine. */
const SEGMENT_SETS = new Map(
  Object.entries(REF_SEGMENTS).map(([id, test]) => [id, new Set(Array.from({ length: 20 }, (_, n) => n).filter(test).map((n) => `t/${n}`))]),
);
const segmentMembers = (id: string) => SEGMENT_SETS.get(id);

/** A rule set of depth ≤ 3 (the top level is depth 1). */
const ruleSetAt = (depth: number): fc.Arbitrary<RuleSet> =>
  fc.record({
    combinator: fc.constantFrom('and' as const, 'or' as const),
    rules: fc.array(depth < 3 ? fc.oneof({ weight: 3, arbitrary: anyRule }, { weight: 1, arbitrary: ruleSetAt(depth + 1) }) : anyRule, {
      minLength: 1,
      maxLength: 4,
    }),
  });
const anyRuleSet = ruleSetAt(1);

/** A scenario: zone, `now`, what the placeholders stand for, then bound rules and lead specs. */
const scenario = <R, L>(rules: fc.Arbitrary<R>, leads: fc.Arbitrary<L[]>) =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      now: fc.constantFrom(...NOWS),
      dayPicks: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)),
      words: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)),
      rules,
      leads,
    })
    .map(({ timeZone, now, dayPicks, words, rules: r, leads: l }) => {
      const near = daysAround(now);
      const pools: Pools = { days: dayPicks.map((i) => near[i % near.length]!), words };
      return [timeZone, now, bind(r, pools), l.map((spec) => bind(spec, pools))] as const;
    });

// ---------------------------------------------------------------------------------------------

describe('compileRules against the reference interpreter (docs/semantics.md §3)', () => {
  it('agrees on random leads and random nested rule sets; explainLead agrees with the predicate', () => {
    fc.assert(
      fc.property(scenario(anyRuleSet, fc.array(leadSpec, { minLength: 1, maxLength: 8 })), ([timeZone, now, rules, specs]) => {
        // Plain JSON in, as the contract says (docs/semantics.md §4).
        const json = JSON.parse(JSON.stringify(rules)) as RuleSet;
        const ctx = { now, timeZone, customFields: CUSTOM, segmentMembers };
        const predicate = compileRules(json, ctx);
        expect(predicate.timeDependent).toBe(refTimeDependent(rules));
        specs.forEach((spec, i) => {
          const lead = buildLead(spec, i, now, timeZone);
          const expected = refRuleSet(rules, lead, { now, timeZone });
          expect(predicate(lead)).toBe(expected);
          expect(explainLead(json, lead, ctx).matched).toBe(expected);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on date rules with leads at their calendar boundaries', () => {
    const dateField = fc.constantFrom('createdAt', 'lastContactAt', 'custom.next_call');
    const dateRule = dateField.chain((field) => fc.oneof(...dateRules(field)));
    const boundaryDate = dateSpec.filter((d) => d.kind === 'shift' || d.kind === 'dayStart');
    fc.assert(
      fc.property(scenario(dateRule, fc.array(boundaryDate, { minLength: 1, maxLength: 12 })), ([timeZone, now, r, dates]) => {
        const predicate = compileRules({ combinator: 'and', rules: [r] }, { now, timeZone, customFields: CUSTOM, segmentMembers });
        for (const spec of dates) {
          const t = resolveDate(spec, now, timeZone);
          const lead = { ...buildLead({ texts: {}, tags: [], dates: {}, campaigns: [], custom: {}, customDate: spec }, 0, now, timeZone), createdAt: t, lastContactAt: t } as Lead;
          expect(predicate(lead), JSON.stringify({ r, t, timeZone, now })).toBe(refRule(r, lead, { now, timeZone }));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees rule by rule on boundary-heavy leads', () => {
    fc.assert(
      fc.property(scenario(anyRule, fc.array(leadSpec, { minLength: 1, maxLength: 16 })), ([timeZone, now, r, specs]) => {
        const predicate = compileRules({ combinator: 'and', rules: [r] }, { now, timeZone, customFields: CUSTOM, segmentMembers });
        specs.forEach((spec, i) => {
          const lead = buildLead(spec, i, now, timeZone);
          expect(predicate(lead), JSON.stringify({ r, lead })).toBe(refRule(r, lead, { now, timeZone }));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
