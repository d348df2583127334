import { describe, expect, it } from 'vitest';
import { RuleError as SchemaRuleError, type RuleSet } from '../schema/rules';
import { makeLead, testContext, TEST_CUSTOM_FIELDS } from './fixtures';
import { compileRules, explainLead, RuleError } from './index';

const ctx = testContext('Asia/Kolkata');
const and = (...rules: RuleSet['rules']): RuleSet => ({ combinator: 'and', rules });
const or = (...rules: RuleSet['rules']): RuleSet => ({ combinator: 'or', rules });

/** The RuleError compileRules throws for `rules`. */
function errorOf(rules: unknown, context = ctx): RuleError {
  try {
    compileRules(rules as RuleSet, context);
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe('compileRules', () => {
  it('accepts plain JSON rule sets and leads', () => {
    const rules = JSON.parse(
      '{"combinator":"and","rules":[{"field":"status","operator":"equals","value":"Converted"},{"combinator":"or","rules":[{"field":"source","operator":"equals","value":"Google"},{"field":"source","operator":"equals","value":"Facebook"}]}]}',
    ) as RuleSet;
    const lead = JSON.parse(JSON.stringify(makeLead({ status: 'converted', source: ' FACEBOOK' })));
    const predicate = compileRules(rules, ctx);
    expect(predicate(lead)).toBe(true);
    expect(predicate({ ...lead, source: 'Bing' })).toBe(false);
    expect(predicate({ ...lead, status: 'New' })).toBe(false);
  });

  it('combines with and / or at every depth', () => {
    const rules = and(
      { field: 'status', operator: 'is_not_empty' },
      or({ field: 'country', operator: 'equals', value: 'India' }, and({ field: 'tags', operator: 'includes_any', value: ['vip'] }, { field: 'custom.total_visits', operator: 'gte', value: 3 })),
    );
    const predicate = compileRules(rules, ctx);
    expect(predicate(makeLead({ status: 'New', country: 'India' }))).toBe(true);
    expect(predicate(makeLead({ status: 'New', tags: ['VIP'], custom: { total_visits: 3 } }))).toBe(true);
    expect(predicate(makeLead({ status: 'New', tags: ['VIP'], custom: { total_visits: 2 } }))).toBe(false);
    expect(predicate(makeLead({ country: 'India' }))).toBe(false);
  });

  it('evaluates long groups (more than four rules) in both combinators', () => {
    const five = (combinator: 'and' | 'or'): RuleSet => ({
      combinator,
      rules: ['a', 'b', 'c', 'd', 'e'].map((tag) => ({ field: 'tags', operator: 'includes_any', value: [tag] })),
    });
    const all = makeLead({ tags: ['a', 'b', 'c', 'd', 'e'] });
    const some = makeLead({ tags: ['e'] });
    expect(compileRules(five('and'), ctx)(all)).toBe(true);
    expect(compileRules(five('and'), ctx)(some)).toBe(false);
    expect(compileRules(five('or'), ctx)(some)).toBe(true);
    expect(compileRules(five('or'), ctx)(makeLead())).toBe(false);
  });

  it('gives each compile its own predicate object', () => {
    const rules = and({ field: 'createdAt', operator: 'in_last', value: { amount: 1, unit: 'days' } });
    const a = compileRules(rules, ctx);
    const b = compileRules(and({ field: 'status', operator: 'is_empty' }), ctx);
    expect(a).not.toBe(b);
    expect(a.timeDependent).toBe(true);
    expect(b.timeDependent).toBe(false);
  });

  it('fixes date boundaries at compile time: moving now needs a new compile', () => {
    const rules = and({ field: 'lastContactAt', operator: 'in_last', value: { amount: 7, unit: 'days' } });
    const lead = makeLead({ lastContactAt: ctx.now - 6 * 864e5 });
    expect(compileRules(rules, ctx)(lead)).toBe(true);
    expect(compileRules(rules, { ...ctx, now: ctx.now + 2 * 864e5 })(lead)).toBe(false);
  });
});

describe('timeDependent (docs/semantics.md §3 rule 7)', () => {
  it.each([
    ['in_last', true],
    ['more_than_ago', true],
    ['in_next', true],
  ])('%s at depth 3 makes the rule set time-dependent', (operator, expected) => {
    const rules = and({ field: 'status', operator: 'is_empty' }, or({ field: 'country', operator: 'is_empty' }, and({ field: 'custom.next_call', operator, value: { amount: 2, unit: 'weeks' } })));
    expect(compileRules(rules, ctx).timeDependent).toBe(expected);
  });

  it('absolute date operators are not time-dependent', () => {
    const rules = and(
      { field: 'createdAt', operator: 'on', value: '2026-03-08' },
      or({ field: 'createdAt', operator: 'between', value: ['2026-01-01', '2026-02-01'] }, { field: 'createdAt', operator: 'before', value: '2026-01-01' }),
    );
    expect(compileRules(rules, ctx).timeDependent).toBe(false);
  });
});

describe('RuleError (docs/semantics.md §2: the message names the rule and the problem)', () => {
  it('is the schema RuleError', () => {
    expect(RuleError).toBe(SchemaRuleError);
  });

  it.each<[string, unknown, string, number[]]>([
    ['between low > high', and({ field: 'status', operator: 'is_empty' }, { field: 'custom.total_visits', operator: 'between', value: [5, 1] }), "Rule 2: 'between' needs low ≤ high (the first number is greater than the second)", [1]],
    [
      'nested rule',
      and({ field: 'status', operator: 'is_empty' }, { field: 'status', operator: 'is_empty' }, or({ field: 'tags', operator: 'includes_any', value: [] })),
      "Rule 3.1: 'includes_any' needs at least one value",
      [2, 0],
    ],
    ['unknown custom field (docs/semantics.md §3 rule 9)', and({ field: 'custom.deleted_field', operator: 'equals', value: 'x' }), "Rule 1: custom field 'deleted_field' is not defined", [0]],
    ['unknown field', and({ field: 'shoeSize', operator: 'equals', value: 'x' }), "Rule 1: unknown field 'shoeSize'", [0]],
    [
      'operator not allowed for the type',
      and({ field: 'createdAt', operator: 'contains', value: 'x' }),
      "Rule 1: 'contains' is not allowed for Created date (allowed: on, not_on, before, after, between, in_last, more_than_ago, in_next, is_empty, is_not_empty)",
      [0],
    ],
    ['operator of another custom type', and({ field: 'custom.do_not_email', operator: 'gt', value: 1 }), "Rule 1: 'gt' is not allowed for Do not email (allowed: is_true, is_false, is_empty, is_not_empty)", [0]],
    ['empty rule set', and(), 'Rules: a segment needs at least one rule', []],
    ['empty nested group', and({ field: 'status', operator: 'is_empty' }, or()), 'Rule 2: this group has no rules', [1]],
    ['bad relative value', and({ field: 'createdAt', operator: 'in_last', value: { amount: 0, unit: 'days' } }), "Rule 1: 'in_last' needs a whole number amount of at least 1", [0]],
    ['bad day', and({ field: 'createdAt', operator: 'on', value: '2026-02-30' }), "Rule 1: 'on' needs a date as YYYY-MM-DD", [0]],
    ['too deep', and(or(and(or({ field: 'status', operator: 'is_empty' })))), 'Rule 1.1.1: groups can be nested at most 3 levels deep', [0, 0, 0]],
    ['not a rule set', 'status = x', 'Rules: must be a rule set', []],
  ])('%s', (_name, rules, message, path) => {
    const error = errorOf(rules);
    expect(error.message).toBe(message);
    expect(error.path).toEqual(path);
  });

  it('a custom rule compiles once the field is defined', () => {
    const rules = and({ field: 'custom.score', operator: 'gt', value: 10 });
    expect(errorOf(rules).message).toBe("Rule 1: custom field 'score' is not defined");
    const withScore = { ...ctx, customFields: [...TEST_CUSTOM_FIELDS, { key: 'score', label: 'Score', type: 'number' as const }] };
    expect(compileRules(rules, withScore)(makeLead({ custom: { score: 11 } }))).toBe(true);
  });

  it('explainLead throws the same errors', () => {
    expect(() => explainLead(and({ field: 'custom.nope', operator: 'is_empty' }), makeLead(), ctx)).toThrow(
      new RuleError([0], "custom field 'nope' is not defined"),
    );
  });

  it('an unusable context is not a rule error', () => {
    const rules = and({ field: 'status', operator: 'is_empty' });
    expect(() => compileRules(rules, { ...ctx, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => compileRules(rules, { ...ctx, now: Number.NaN })).toThrow(TypeError);
  });
});

describe('explainLead (docs/semantics.md §4)', () => {
  it('reports every rule with its result and the raw value, groups nested', () => {
    const rules = and(
      { field: 'status', operator: 'equals', value: 'Converted' },
      { field: 'custom.total_visits', operator: 'gt', value: 3 },
      or({ field: 'source', operator: 'equals', value: 'Google' }, { field: 'tags', operator: 'includes_any', value: ['ebook'] }),
    );
    const lead = makeLead({ status: ' converted', source: 'Bing', tags: ['Ebook'], custom: { total_visits: 2 } });
    expect(explainLead(rules, lead, ctx)).toEqual({
      matched: false,
      rules: [
        { rule: rules.rules[0], matched: true, actual: ' converted' },
        { rule: rules.rules[1], matched: false, actual: 2 },
        {
          matched: true,
          rules: [
            { rule: (rules.rules[2] as RuleSet).rules[0], matched: false, actual: 'Bing' },
            { rule: (rules.rules[2] as RuleSet).rules[1], matched: true, actual: ['Ebook'] },
          ],
        },
      ],
    });
  });

  it('reports missing values as undefined', () => {
    const rules = and({ field: 'country', operator: 'not_equals', value: 'India' }, { field: 'custom.city', operator: 'is_empty' });
    expect(explainLead(rules, makeLead(), ctx)).toEqual({
      matched: true,
      rules: [
        { rule: rules.rules[0], matched: true, actual: undefined },
        { rule: rules.rules[1], matched: true, actual: undefined },
      ],
    });
  });

  it('shows the campaign entries relevant to a campaign rule', () => {
    const email = { campaignId: 'email', state: 'excluded' as const, response: 'opened' as const };
    const sms = { campaignId: 'sms', state: 'participating' as const };
    const lead = makeLead({ campaigns: [email, sms] });
    const rules = and(
      { field: 'campaignParticipation', operator: 'is_in', value: 'email' },
      { field: 'campaignExclusion', operator: 'is_excluded_from', value: 'any' },
      { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'sms', responses: ['opened'] } },
    );
    expect(explainLead(rules, lead, ctx)).toEqual({
      matched: false,
      rules: [
        { rule: rules.rules[0], matched: false, actual: [email] },
        { rule: rules.rules[1], matched: true, actual: [email, sms] },
        { rule: rules.rules[2], matched: false, actual: [sms] },
      ],
    });
  });
});
