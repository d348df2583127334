import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from './custom-field';
import { OPERATORS } from './fields';
import { checkRuleSet, describeRulePath, isRuleSet, RuleError, RuleSetSchema, valueProblem, type RuleSet } from './rules';

const custom: CustomFieldDef[] = [
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'city', label: 'City', type: 'select' },
];
const messages = (input: unknown, options = {}) => checkRuleSet(input, options).map((e) => e.message);
const one = (rule: unknown): RuleSet => ({ combinator: 'and', rules: [rule as RuleSet['rules'][number]] });

describe('RuleError and rule paths', () => {
  it('names the rule by its 1-based path', () => {
    expect(describeRulePath([])).toBe('Rules');
    expect(describeRulePath([1])).toBe('Rule 2');
    expect(describeRulePath([2, 0, 4])).toBe('Rule 3.1.5');
    const error = new RuleError([2, 0], "'between' needs a lowest and a highest number");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RuleError');
    expect(error.message).toBe("Rule 3.1: 'between' needs a lowest and a highest number");
    expect(error.path).toEqual([2, 0]);
    expect(error.problem).toBe("'between' needs a lowest and a highest number");
  });

  it('isRuleSet tells groups from rules', () => {
    expect(isRuleSet({ combinator: 'or', rules: [] })).toBe(true);
    expect(isRuleSet({ field: 'status', operator: 'is_empty' })).toBe(false);
  });
});

describe('checkRuleSet: structure', () => {
  it('accepts a valid nested rule set', () => {
    const rules: RuleSet = {
      combinator: 'and',
      rules: [
        { field: 'status', operator: 'equals', value: 'Converted' },
        { combinator: 'or', rules: [{ field: 'source', operator: 'equals', value: 'Google' }, { combinator: 'and', rules: [{ field: 'tags', operator: 'is_empty' }] }] },
      ],
    };
    expect(checkRuleSet(rules)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['Rules: must be a rule set']],
    ['bad combinator', { combinator: 'xor', rules: [{ field: 'status', operator: 'is_empty' }] }, ['Rules: combinator must be "and" or "or"']],
    ['no rules', { combinator: 'and', rules: [] }, ['Rules: a segment needs at least one rule']],
    ['rules not an array', { combinator: 'and' }, ['Rules: a segment needs at least one rule']],
    ['empty nested group', { combinator: 'and', rules: [{ field: 'status', operator: 'is_empty' }, { combinator: 'or', rules: [] }] }, ['Rule 2: this group has no rules']],
    ['a rule that is not an object', one('status'), ['Rule 1: must be a rule or a group']],
    ['missing field', one({ operator: 'is_empty' }), ['Rule 1: choose a field']],
    ['missing operator', one({ field: 'status' }), ['Rule 1: choose an operator']],
    ['unknown field', one({ field: 'shoe', operator: 'is_empty' }), ["Rule 1: unknown field 'shoe'"]],
    [
      'every problem is reported',
      { combinator: 'and', rules: [{ field: 'status', operator: 'gt', value: 1 }, { combinator: 'or', rules: [{ field: 'createdAt', operator: 'on', value: 'today' }] }] },
      [
        "Rule 1: 'gt' is not allowed for Status (allowed: equals, not_equals, contains, not_contains, starts_with, ends_with, is_any_of, is_none_of, is_empty, is_not_empty)",
        "Rule 2.1: 'on' needs a date as YYYY-MM-DD",
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(messages(input)).toEqual(expected);
  });

  it('allows nesting to depth 3 and rejects depth 4', () => {
    const leaf = { field: 'status', operator: 'is_empty' };
    const depth3 = { combinator: 'and', rules: [{ combinator: 'or', rules: [{ combinator: 'and', rules: [leaf] }] }] };
    expect(messages(depth3)).toEqual([]);
    const depth4 = { combinator: 'and', rules: [leaf, { combinator: 'or', rules: [{ combinator: 'and', rules: [{ combinator: 'or', rules: [leaf] }] }] }] };
    const problems = checkRuleSet(depth4);
    expect(problems.map((p) => p.message)).toEqual(['Rule 2.1.1: groups can be nested at most 3 levels deep']);
    expect(problems[0]?.path).toEqual([1, 0, 0]);
  });
});

describe('checkRuleSet: value shapes per operator (docs/semantics.md §3)', () => {
  it.each<[string, unknown, string | null]>([
    ['text equals ""', { field: 'status', operator: 'equals', value: '' }, null],
    ['text equals number', { field: 'status', operator: 'equals', value: 3 }, "Rule 1: 'equals' needs a text value"],
    ['contains blank', { field: 'status', operator: 'contains', value: '  ' }, "Rule 1: 'contains' needs a non-empty text value"],
    ['is_any_of []', { field: 'status', operator: 'is_any_of', value: [] }, "Rule 1: 'is_any_of' needs at least one value"],
    ['is_any_of blank element', { field: 'status', operator: 'is_any_of', value: ['a', ' '] }, "Rule 1: 'is_any_of' values must be non-empty text"],
    ['is_empty with a value', { field: 'status', operator: 'is_empty', value: 'x' }, "Rule 1: 'is_empty' takes no value"],
    ['is_empty with null', { field: 'status', operator: 'is_empty', value: null }, null],
    ['number NaN', { field: 'custom.total_visits', operator: 'gt', value: Number.NaN }, "Rule 1: 'gt' needs a number"],
    ['number Infinity (1e309 read from a file)', { field: 'custom.total_visits', operator: 'gt', value: JSON.parse('1e309') }, "Rule 1: 'gt': the number is too large"],
    ['number -Infinity', { field: 'custom.total_visits', operator: 'lt', value: -Infinity }, "Rule 1: 'lt': the number is too large"],
    ['between with Infinity', { field: 'custom.total_visits', operator: 'between', value: [1, Infinity] }, "Rule 1: 'between': a number is too large"],
    ['between low > high', { field: 'custom.total_visits', operator: 'between', value: [5, 1] }, "Rule 1: 'between' needs low ≤ high (the first number is greater than the second)"],
    ['between low = high', { field: 'custom.total_visits', operator: 'between', value: [5, 5] }, null],
    ['between one number', { field: 'custom.total_visits', operator: 'between', value: [5] }, "Rule 1: 'between' needs a lowest and a highest number"],
    ['day not real', { field: 'createdAt', operator: 'before', value: '2026-02-29' }, "Rule 1: 'before' needs a date as YYYY-MM-DD"],
    ['leap day', { field: 'createdAt', operator: 'before', value: '2024-02-29' }, null],
    ['day range reversed', { field: 'createdAt', operator: 'between', value: ['2026-03-02', '2026-03-01'] }, "Rule 1: 'between' needs the first date on or before the second"],
    ['day range same day', { field: 'createdAt', operator: 'between', value: ['2026-03-02', '2026-03-02'] }, null],
    ['day range bad day', { field: 'createdAt', operator: 'between', value: ['2026-03-02', 'soon'] }, "Rule 1: 'between' needs two dates [YYYY-MM-DD, YYYY-MM-DD]"],
    ['relative not an object', { field: 'createdAt', operator: 'in_last', value: 30 }, "Rule 1: 'in_last' needs an amount and a unit"],
    ['relative fraction', { field: 'createdAt', operator: 'in_last', value: { amount: 1.5, unit: 'days' } }, "Rule 1: 'in_last' needs a whole number amount of at least 1"],
    ['relative unit', { field: 'createdAt', operator: 'in_next', value: { amount: 1, unit: 'years' } }, "Rule 1: 'in_next' needs a unit: days, weeks or months"],
    ['campaign ref blank', { field: 'campaignParticipation', operator: 'is_in', value: '' }, "Rule 1: 'is_in' needs a campaign (or \"any\")"],
    ['campaign ref any', { field: 'campaignExclusion', operator: 'is_not_excluded_from', value: 'any' }, null],
    ['exclusion op on participation', { field: 'campaignParticipation', operator: 'is_excluded_from', value: 'any' }, "Rule 1: 'is_excluded_from' is not allowed for Campaign participation (allowed: is_in, is_not_in)"],
    ['response no responses', { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'any', responses: [] } }, "Rule 1: 'responded' needs at least one response kind"],
    ['response unknown kind', { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'any', responses: ['liked'] } }, 'Rule 1: \'responded\': unknown response kind "liked"'],
    ['response no campaign', { field: 'campaignResponse', operator: 'not_responded', value: { responses: ['opened'] } }, "Rule 1: 'not_responded' needs a campaign (or \"any\")"],
    ['response ok', { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'email', responses: ['opened'] } }, null],
  ])('%s', (_name, rule, expected) => {
    expect(messages(one(rule))).toEqual(expected === null ? [] : [expected]);
  });

  it('every operator of every family has a shape check that rejects a wrong value', () => {
    for (const ops of Object.values(OPERATORS)) {
      for (const op of ops) expect(valueProblem(op, Symbol('wrong')), op.id).not.toBeNull();
    }
  });
});

describe('checkRuleSet: custom fields (docs/semantics.md §3 rule 9)', () => {
  it('with definitions: an undefined custom field is an error, a defined one uses its type', () => {
    expect(messages(one({ field: 'custom.gone', operator: 'equals', value: 'x' }), { customFields: custom })).toEqual([
      "Rule 1: custom field 'gone' is not defined",
    ]);
    expect(messages(one({ field: 'custom.total_visits', operator: 'gt', value: 2 }), { customFields: custom })).toEqual([]);
    expect(messages(one({ field: 'custom.city', operator: 'contains', value: 'pune' }), { customFields: custom })).toEqual([]); // select = text
    expect(messages(one({ field: 'custom.total_visits', operator: 'contains', value: 'x' }), { customFields: custom })).toEqual([
      "Rule 1: 'contains' is not allowed for Total visits (allowed: equals, not_equals, gt, gte, lt, lte, between, is_empty, is_not_empty)",
    ]);
  });

  it('without definitions (message boundary): checks key syntax and that some custom type allows the operator and value', () => {
    expect(messages(one({ field: 'custom.anything', operator: 'gt', value: 2 }))).toEqual([]);
    expect(messages(one({ field: 'custom.anything', operator: 'equals', value: 2 }))).toEqual([]); // number equals
    expect(messages(one({ field: 'custom.anything', operator: 'equals', value: 'x' }))).toEqual([]); // text equals
    expect(messages(one({ field: 'custom.Bad-Key', operator: 'equals', value: 'x' }))).toEqual(["Rule 1: unknown field 'custom.Bad-Key'"]);
    expect(messages(one({ field: 'custom.anything', operator: 'is_in', value: 'any' }))).toEqual(["Rule 1: 'is_in' is not an operator for custom fields"]);
    expect(messages(one({ field: 'custom.anything', operator: 'between', value: [3, 1] }))).toEqual(["Rule 1: 'between' needs low ≤ high (the first number is greater than the second)"]);
  });
});

describe('RuleSetSchema', () => {
  it('accepts a valid rule set unchanged', () => {
    const rules = { combinator: 'or', rules: [{ field: 'status', operator: 'is_empty' }] };
    expect(RuleSetSchema.parse(rules)).toEqual(rules);
  });

  it('rejects with one issue per problem, each naming the rule', () => {
    const result = RuleSetSchema.safeParse({
      combinator: 'and',
      rules: [{ field: 'status', operator: 'is_empty' }, { field: 'custom.total_visits', operator: 'between', value: [9, 1] }, { combinator: 'or', rules: [] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Rule 2: 'between' needs low ≤ high (the first number is greater than the second)", 'Rule 3: this group has no rules']);
  });

  it('rejects non-objects', () => {
    expect(RuleSetSchema.safeParse(null).success).toBe(false);
    expect(RuleSetSchema.safeParse('and').error?.issues[0]?.message).toBe('Rules: must be a rule set');
  });
});
