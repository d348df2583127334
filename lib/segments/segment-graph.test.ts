import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../schema';
import { dependencyOrder, dependentsOf, findCycle } from './segment-graph';

const refs = (...ids: string[]): RuleSet => ({
  combinator: 'and',
  rules: ids.length ? [{ combinator: 'or', rules: ids.map((id) => ({ field: 'segmentMembership', operator: 'is_member_of', value: id })) }] : [{ field: 'status', operator: 'is_empty' }],
});
const seg = (id: string, ...ids: string[]) => ({ id, name: id.toUpperCase(), rules: refs(...ids) });

describe('segment graph', () => {
  it('orders inner segments before the segments built on them, nested groups included', () => {
    const { ordered, cyclic } = dependencyOrder([seg('c', 'b'), seg('b', 'a'), seg('a'), seg('d', 'a', 'c')]);
    expect(ordered.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(cyclic.size).toBe(0);
  });

  it('puts segments on a cycle (and those built on them) last and names them', () => {
    const { ordered, cyclic } = dependencyOrder([seg('x', 'y'), seg('a'), seg('y', 'x'), seg('z', 'x')]);
    expect(ordered.map((s) => s.id)).toEqual(['a', 'x', 'y', 'z']);
    expect([...cyclic].sort()).toEqual(['x', 'y', 'z']);
  });

  it('finds the cycle a new or edited segment would close, by name', () => {
    const stored = [seg('a'), seg('b', 'a'), seg('c', 'b')];
    expect(findCycle(stored, seg('a', 'c'))).toEqual(['A', 'C', 'B', 'A']);
    expect(findCycle(stored, seg('a', 'a'))).toEqual(['A', 'A']);
    expect(findCycle(stored, seg('d', 'c'))).toBeNull();
    expect(findCycle(stored, seg('a', 'missing'))).toBeNull();
  });

  it('lists direct dependents only', () => {
    const stored = [seg('a'), seg('b', 'a'), seg('c', 'b')];
    expect(dependentsOf(stored, 'a').map((s) => s.id)).toEqual(['b']);
  });
});
