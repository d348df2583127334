import { describe, expect, it } from 'vitest';
import { describeRule, describeRuleSet } from './describe';
import { TEST_CUSTOM_FIELDS } from './fixtures';

const options = {
  customFields: TEST_CUSTOM_FIELDS,
  campaigns: [
    { id: 'email', name: 'Course Launch Email' },
    { id: 'sms', name: 'SMS Follow-up' },
  ],
};

describe('describeRule', () => {
  it.each<[unknown, string]>([
    [{ field: 'status', operator: 'equals', value: 'Converted' }, 'Status is Converted'],
    [{ field: 'status', operator: 'not_equals', value: '' }, 'Status is not ""'],
    [{ field: 'source', operator: 'is_any_of', value: ['Google', 'Facebook'] }, 'Source is any of Google, Facebook'],
    [{ field: 'tags', operator: 'includes_any', value: ['a', 'b'] }, 'Tags includes any of a, b'],
    [{ field: 'tags', operator: 'is_empty' }, 'Tags is empty'],
    [{ field: 'lastContactAt', operator: 'in_last', value: { amount: 30, unit: 'days' } }, 'Last contact date in the last 30 days'],
    [{ field: 'lastContactAt', operator: 'in_next', value: { amount: 1, unit: 'weeks' } }, 'Last contact date in the next 1 week'],
    [{ field: 'createdAt', operator: 'more_than_ago', value: { amount: 2, unit: 'months' } }, 'Created date more than 2 months ago'],
    [{ field: 'createdAt', operator: 'between', value: ['2026-01-01', '2026-03-31'] }, 'Created date between 2026-01-01 and 2026-03-31'],
    [{ field: 'createdAt', operator: 'on', value: '2026-03-08' }, 'Created date is on 2026-03-08'],
    [{ field: 'custom.total_visits', operator: 'between', value: [1, 5] }, 'Total visits is between 1 and 5'],
    [{ field: 'custom.total_visits', operator: 'gte', value: 3 }, 'Total visits is at least 3'],
    [{ field: 'custom.do_not_email', operator: 'is_true' }, 'Do not email is yes'],
    [{ field: 'custom.lead_quality', operator: 'equals', value: 'High' }, 'Lead quality is High'],
    [{ field: 'campaignParticipation', operator: 'is_in', value: 'email' }, 'Campaign participation is in Course Launch Email'],
    [{ field: 'campaignParticipation', operator: 'is_not_in', value: 'any' }, 'Campaign participation is not in any campaign'],
    [{ field: 'campaignExclusion', operator: 'is_excluded_from', value: 'webinar' }, 'Campaign exclusion is excluded from webinar'],
    [
      { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'sms', responses: ['opened', 'not_interested'] } },
      'Campaign response responded to SMS Follow-up with opened or not interested',
    ],
    [
      { field: 'campaignResponse', operator: 'not_responded', value: { campaignId: 'any', responses: ['replied'] } },
      'Campaign response did not respond to any campaign with replied',
    ],
  ])('%j → %s', (rule, text) => {
    expect(describeRule(rule, options)).toBe(text);
  });

  it('shows campaign ids when no campaigns are given', () => {
    expect(describeRule({ field: 'campaignParticipation', operator: 'is_in', value: 'email' }, { customFields: [] })).toBe(
      'Campaign participation is in email',
    );
  });

  it('shows unknown fields, operators and odd values as they are, never throwing', () => {
    expect(describeRule({ field: 'custom.gone', operator: 'equals', value: 'x' }, options)).toBe('custom.gone is x');
    expect(describeRule({ field: 'shoeSize', operator: 'gt', value: 42 }, options)).toBe('shoeSize is more than 42');
    expect(describeRule({ field: 'status', operator: 'resembles', value: 'x' }, options)).toBe('Status resembles x');
    expect(describeRule({ field: 'createdAt', operator: 'in_last', value: 'soon' }, options)).toBe('Created date in the last soon');
    expect(describeRule({ field: 'custom.total_visits', operator: 'between', value: { low: 1 } }, options)).toBe('Total visits is between {"low":1}');
    expect(describeRule(null, options)).toBe('');
    expect(describeRule({}, options)).toBe('');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => describeRule({ field: 'status', operator: 'equals', value: cyclic }, options)).not.toThrow();
  });
});

describe('describeRuleSet', () => {
  it('joins top-level rules with " · " and puts nested groups in parentheses', () => {
    const rules = {
      combinator: 'and',
      rules: [
        { field: 'status', operator: 'equals', value: 'Converted' },
        { field: 'country', operator: 'equals', value: 'India' },
        { field: 'lastContactAt', operator: 'in_last', value: { amount: 30, unit: 'days' } },
        {
          combinator: 'or',
          rules: [
            { field: 'source', operator: 'equals', value: 'Google' },
            { field: 'source', operator: 'equals', value: 'Facebook' },
            { combinator: 'and', rules: [{ field: 'tags', operator: 'includes_any', value: ['ebook'] }, { field: 'custom.do_not_email', operator: 'is_false' }] },
          ],
        },
      ],
    };
    expect(describeRuleSet(rules, options)).toBe(
      'Status is Converted · Country is India · Last contact date in the last 30 days · (Source is Google or Source is Facebook or (Tags includes any of ebook and Do not email is no))',
    );
  });

  it('joins a top-level "or" with " or " and drops parentheses around a single-rule group', () => {
    const rules = {
      combinator: 'or',
      rules: [{ field: 'status', operator: 'is_empty' }, { combinator: 'and', rules: [{ field: 'country', operator: 'is_not_empty' }] }],
    };
    expect(describeRuleSet(rules, options)).toBe('Status is empty or Country is not empty');
  });

  it('never throws on malformed input', () => {
    expect(describeRuleSet(undefined, options)).toBe('');
    expect(describeRuleSet({ combinator: 'and' }, options)).toBe('');
    expect(describeRuleSet({ combinator: 'and', rules: [42, 'x'] }, options)).toBe('42 · x');
  });
});

describe('describeRule: segment membership', () => {
  const rule = { field: 'segmentMembership', operator: 'is_not_member_of', value: 'hot' };
  it('names the segment, says when it was deleted, and stays generic without segments', () => {
    expect(describeRule(rule, { customFields: [], segments: [{ id: 'hot', name: 'Hot leads' }] })).toBe('Segment membership is not member of "Hot leads"');
    expect(describeRule(rule, { customFields: [], segments: [] })).toBe('Segment membership is not member of a deleted segment');
    expect(describeRule(rule, { customFields: [] })).toBe('Segment membership is not member of another segment');
  });
});
