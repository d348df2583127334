import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../../../lib/schema';
import { fromRuleSet, type GroupNode } from './rule-tree';
import { findNameConflict, friendlyRuleProblem, isValid, validateEditor } from './validation';

const segments = [
  { id: 's1', name: 'Hot leads', ownerId: 'u1' },
  { id: 's2', name: 'India  English', ownerId: 'u2' },
];
const custom: CustomFieldDef[] = [{ key: 'total_visits', label: 'Total visits', type: 'number' }];
const valid = { combinator: 'and' as const, rules: [{ field: 'status', operator: 'equals', value: 'New' }] };

const values = (over: Partial<{ name: string; description: string; color: string; tree: GroupNode }> = {}) => ({
  name: 'My segment',
  description: '',
  color: '#2563eb',
  tree: fromRuleSet(valid),
  ...over,
});

describe('findNameConflict', () => {
  it('matches case-insensitively, ignoring outer and repeated spaces', () => {
    expect(findNameConflict('  hot LEADS ', segments)?.id).toBe('s1');
    expect(findNameConflict('india english', segments)?.id).toBe('s2');
    expect(findNameConflict('Warm leads', segments)).toBeUndefined();
  });

  it('ignores the segment being edited and other owners when an owner is given', () => {
    expect(findNameConflict('Hot leads', segments, { editingId: 's1' })).toBeUndefined();
    expect(findNameConflict('Hot leads', segments, { ownerId: 'u2' })).toBeUndefined();
    expect(findNameConflict('Hot leads', segments, { ownerId: 'u1' })?.id).toBe('s1');
  });
});

describe('validateEditor', () => {
  it('accepts a complete form', () => {
    const problems = validateEditor(values(), { customFields: custom, segments });
    expect(problems).toEqual({ nodes: {} });
    expect(isValid(problems)).toBe(true);
  });

  it('reports a missing name, a taken name, a bad colour and a long description', () => {
    expect(validateEditor(values({ name: '   ' }), { customFields: [], segments }).name).toBe('Segment name is required');
    expect(validateEditor(values({ name: 'HOT leads' }), { customFields: [], segments }).name).toBe(
      'A segment named “Hot leads” already exists',
    );
    expect(validateEditor(values({ color: '#12' }), { customFields: [], segments }).color).toMatch(/#rrggbb/);
    expect(validateEditor(values({ description: 'x'.repeat(501) }), { customFields: [], segments }).description).toBe(
      'Description must be at most 500 characters',
    );
  });

  it('maps rule problems to their rows in the editor’s words', () => {
    const tree = fromRuleSet({
      combinator: 'and',
      rules: [
        { field: 'custom.total_visits', operator: 'gt', value: undefined },
        { combinator: 'or', rules: [{ field: 'createdAt', operator: 'between', value: ['2024-05-01', '2024-01-01'] }] },
        { field: '', operator: '' },
      ],
    });
    const problems = validateEditor(values({ tree }), { customFields: custom, segments });
    const [first, group, third] = tree.children;
    const inner = (group as GroupNode).children[0]!;
    expect(problems.nodes[first!.id]).toBe('“is more than” needs a number');
    expect(problems.nodes[inner.id]).toBe('“between” needs the first date on or before the second');
    expect(problems.nodes[third!.id]).toBe('Choose a field');
    expect(isValid(problems)).toBe(false);
  });

  it('words "is between" problems for a user: a missing end, the ends swapped, a number too large', () => {
    const tree = fromRuleSet({
      combinator: 'and',
      rules: [
        { field: 'custom.total_visits', operator: 'between', value: [9, undefined] },
        { field: 'custom.total_visits', operator: 'between', value: [9, 3] },
        { field: 'custom.total_visits', operator: 'between', value: [1, Infinity] },
        { field: 'custom.total_visits', operator: 'gt', value: -Infinity },
      ],
    });
    const problems = validateEditor(values({ tree }), { customFields: custom, segments });
    expect(tree.children.map((node) => problems.nodes[node.id])).toEqual([
      '“is between” needs a lowest and a highest number',
      '“is between” needs low ≤ high (the first number is greater than the second)',
      '“is between”: a number is too large',
      '“is more than”: the number is too large',
    ]);
  });

  it('flags a custom field that no longer exists and an empty rule set', () => {
    const gone = validateEditor(values({ tree: fromRuleSet({ combinator: 'and', rules: [{ field: 'custom.gone', operator: 'is_empty' }] }) }), {
      customFields: custom,
      segments,
    });
    expect(Object.values(gone.nodes)).toEqual(["Custom field 'gone' is not defined"]);
    const empty = validateEditor(values({ tree: fromRuleSet({ combinator: 'and', rules: [] }) }), { customFields: [], segments });
    expect(empty.rules).toBe('A segment needs at least one rule');
  });

  it('asks for a value instead of accepting “is” with empty text', () => {
    const tree = fromRuleSet({ combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: '' }] });
    const problems = validateEditor(values({ tree }), { customFields: [], segments });
    expect(problems.nodes[tree.children[0]!.id]).toBe('Enter a value, or choose “is empty”');
  });
});

describe('friendlyRuleProblem', () => {
  it('capitalises problems that do not start with the operator', () => {
    expect(friendlyRuleProblem('choose an operator', undefined, [])).toBe('Choose an operator');
  });
});
