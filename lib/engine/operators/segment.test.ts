import { describe, expect, it } from 'vitest';
import { makeLead, testContext } from '../fixtures';
import { compileRules, explainLead, RuleError, type EvalContext } from '../index';
import type { RuleSet } from '../../schema/rules';

const member = (segmentId: string, operator = 'is_member_of'): RuleSet => ({
  combinator: 'and',
  rules: [{ field: 'segmentMembership', operator, value: segmentId }],
});

/** A context whose segment "hot" has members demo/1 and demo/2, and "empty" none. */
function withSegments(calls: string[] = []): EvalContext {
  const sets = new Map([
    ['hot', new Set(['demo/1', 'demo/2'])],
    ['empty', new Set<string>()],
  ]);
  return {
    ...testContext(),
    segmentMembers: (id) => {
      calls.push(id);
      return sets.get(id);
    },
  };
}

const a = makeLead({ id: 'demo/1' });
const b = makeLead({ id: 'demo/3' });

describe('segmentMembership operators', () => {
  it('is_member_of / is_not_member_of test the lead id against the other segment', () => {
    const ctx = withSegments();
    expect([a, b].map(compileRules(member('hot'), ctx))).toEqual([true, false]);
    expect([a, b].map(compileRules(member('hot', 'is_not_member_of'), ctx))).toEqual([false, true]);
  });

  it('on an empty inner segment the negative operator is true for every lead, the positive one false', () => {
    const ctx = withSegments();
    expect([a, b].map(compileRules(member('empty', 'is_not_member_of'), ctx))).toEqual([true, true]);
    expect([a, b].map(compileRules(member('empty'), ctx))).toEqual([false, false]);
  });

  it('asks for the members once per compile, not per lead', () => {
    const calls: string[] = [];
    const predicate = compileRules(member('hot'), withSegments(calls));
    const before = calls.length;
    for (let i = 0; i < 100; i++) predicate(makeLead({ id: `demo/${i}` }));
    expect(calls.length).toBe(before);
    expect(calls.every((id) => id === 'hot')).toBe(true);
  });

  it('a segment the context does not know makes the rules invalid, naming the rule', () => {
    const rules: RuleSet = { combinator: 'and', rules: [{ field: 'status', operator: 'is_not_empty' }, ...member('gone').rules] };
    expect(() => compileRules(rules, withSegments())).toThrow(RuleError);
    expect(() => compileRules(rules, withSegments())).toThrow('Rule 2: the segment it refers to no longer exists');
    expect(() => compileRules(member('hot'), testContext())).toThrow('Rule 1: the segment it refers to no longer exists');
  });

  it('needs a segment id as value', () => {
    expect(() => compileRules({ combinator: 'and', rules: [{ field: 'segmentMembership', operator: 'is_member_of', value: '' }] }, withSegments())).toThrow(
      "'is_member_of' needs a segment",
    );
    expect(() => compileRules({ combinator: 'and', rules: [{ field: 'segmentMembership', operator: 'equals', value: 'hot' }] }, withSegments())).toThrow(
      "'equals' is not allowed for Segment membership",
    );
  });

  it('explains with whether the lead is a member', () => {
    const explanation = explainLead(member('hot'), a, withSegments());
    expect(explanation).toEqual({ matched: true, rules: [{ rule: member('hot').rules[0], matched: true, actual: true }] });
    expect(explainLead(member('hot', 'is_not_member_of'), b, withSegments()).rules[0]).toMatchObject({ matched: true, actual: false });
  });

  it('is not time-dependent by itself', () => {
    expect(compileRules(member('hot'), withSegments()).timeDependent).toBe(false);
  });
});
