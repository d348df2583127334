import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../../../lib/schema';
import {
  allRules,
  appendChild,
  canNestGroup,
  carryValue,
  emptyGroup,
  emptyRule,
  emptyTree,
  fromRuleSet,
  nodeAtPath,
  removeNode,
  toRuleSet,
  updateNode,
  withField,
  withOperator,
  type GroupNode,
  type RuleNode,
} from './rule-tree';

const custom: CustomFieldDef[] = [
  { key: 'total_visits', label: 'Total visits', type: 'number' },
  { key: 'city', label: 'City', type: 'select', options: ['Mumbai'] },
];

describe('rule tree', () => {
  it('round-trips a nested rule set', () => {
    const rules = {
      combinator: 'and' as const,
      rules: [
        { field: 'status', operator: 'equals', value: 'Converted' },
        {
          combinator: 'or' as const,
          rules: [
            { field: 'source', operator: 'is_any_of', value: ['Google', 'Direct Traffic'] },
            { field: 'tags', operator: 'is_empty' },
          ],
        },
      ],
    };
    const tree = fromRuleSet(rules);
    expect(tree.children).toHaveLength(2);
    expect(tree.children[1]!.kind).toBe('group');
    expect(toRuleSet(tree)).toEqual(rules);
    expect(new Set(allRules(tree).map((r) => r.id)).size).toBe(3);
  });

  it('starts a new segment with one empty rule that has no value key', () => {
    expect(toRuleSet(emptyTree())).toEqual({ combinator: 'and', rules: [{ field: '', operator: '' }] });
  });

  it('choosing a field picks its type’s first operator and default value', () => {
    const rule = emptyRule();
    expect(withField(rule, 'status', [])).toMatchObject({ field: 'status', operator: 'equals', value: '' });
    expect(withField(rule, 'tags', [])).toMatchObject({ operator: 'includes_any', value: [] });
    expect(withField(rule, 'createdAt', [])).toMatchObject({ operator: 'on', value: '' });
    expect(withField(rule, 'custom.total_visits', custom)).toMatchObject({ operator: 'equals', value: undefined });
    expect(withField(rule, 'campaignParticipation', [])).toMatchObject({ operator: 'is_in', value: 'any' });
    expect(withField(rule, 'campaignResponse', [])).toMatchObject({
      operator: 'responded',
      value: { campaignId: 'any', responses: [] },
    });
  });

  it('keeps operator and value when switching between fields of the same shape', () => {
    const rule: RuleNode = { kind: 'rule', id: 'r', field: 'status', operator: 'contains', value: 'Lost' };
    expect(withField(rule, 'country', [])).toMatchObject({ field: 'country', operator: 'contains', value: 'Lost' });
    expect(withField(rule, 'custom.city', custom)).toMatchObject({ operator: 'contains', value: 'Lost' });
    expect(withField(rule, 'createdAt', [])).toMatchObject({ operator: 'on', value: '' });
  });

  it('carries values across compatible operator changes', () => {
    const rule: RuleNode = { kind: 'rule', id: 'r', field: 'status', operator: 'equals', value: 'New' };
    expect(withOperator(rule, 'contains', []).value).toBe('New');
    expect(withOperator(rule, 'is_any_of', []).value).toEqual(['New']);
    expect(withOperator({ ...rule, operator: 'is_any_of', value: ['A', 'B'] }, 'not_equals', []).value).toBe('A');
    expect(withOperator(rule, 'is_empty', []).value).toBeUndefined();
    expect(carryValue('day', 'dayRange', '2024-01-02')).toEqual(['2024-01-02', '']);
    expect(carryValue('number', 'numberRange', 5)).toEqual([5, undefined]);
    expect(carryValue('day', 'relative', '2024-01-02')).toEqual({ amount: 30, unit: 'days' });
  });

  it('updates, appends and removes nodes immutably', () => {
    const tree = emptyTree();
    const first = tree.children[0] as RuleNode;
    const group = emptyGroup('and');
    expect(group.combinator).toBe('or');
    const withGroup = appendChild(tree, tree.id, group);
    expect(tree.children).toHaveLength(1);
    expect(withGroup.children).toHaveLength(2);
    const inner = group.children[0]!;
    const edited = updateNode(withGroup, inner.id, (n) => ({ ...(n as RuleNode), field: 'email' }));
    expect(((edited.children[1] as GroupNode).children[0] as RuleNode).field).toBe('email');
    expect(edited.children[0]).toBe(first);
    expect(nodeAtPath(edited, [1, 0])).toMatchObject({ field: 'email' });
    expect(nodeAtPath(edited, [5])).toBeUndefined();
    const removed = removeNode(edited, inner.id);
    expect((removed.children[1] as GroupNode).children).toHaveLength(0);
  });

  it('allows groups down to depth 3 only', () => {
    expect(canNestGroup(1)).toBe(true);
    expect(canNestGroup(2)).toBe(true);
    expect(canNestGroup(3)).toBe(false);
  });
});
