import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../segments/test-support';
import { MAX_BLOCK_IDS, blockIndexOf, rebuildBlock } from './member-blocks';
import {
  changeMembershipsOf,
  countMemberships,
  memberIdsInRange,
  membershipPage,
  membershipsOfLeads,
  membershipsOfSegment,
  removeMemberships,
} from './memberships';

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('member block algebra', () => {
  it('finds the block whose range holds an id', () => {
    expect(blockIndexOf([], 'a')).toBe(-1);
    expect(blockIndexOf(['b', 'd', 'f'], 'a')).toBe(0);
    expect(blockIndexOf(['b', 'd', 'f'], 'b')).toBe(0);
    expect(blockIndexOf(['b', 'd', 'f'], 'c')).toBe(0);
    expect(blockIndexOf(['b', 'd', 'f'], 'd')).toBe(1);
    expect(blockIndexOf(['b', 'd', 'f'], 'z')).toBe(2);
  });

  it('merges, replaces addedAt, removes and splits an oversized block into equal sorted parts', () => {
    const ids = Array.from({ length: MAX_BLOCK_IDS }, (_, i) => `k${String(i).padStart(5, '0')}`);
    const parts = rebuildBlock('s', { ids, added: ids.map(() => 1) }, ['a', 'b', 'k00001'], 9, new Set(['k00000', 'nope']));
    expect(parts).toHaveLength(2);
    const merged = parts.flatMap((p) => p.ids);
    expect(merged).toEqual(['a', 'b', ...ids.slice(1)]);
    expect(parts.map((p) => p.start)).toEqual(parts.map((p) => p.ids[0]));
    expect(parts[0]?.added.slice(0, 4)).toEqual([9, 9, 9, 1]);
    expect(Math.abs((parts[0]?.ids.length ?? 0) - (parts[1]?.ids.length ?? 0))).toBeLessThanOrEqual(1);
    expect(rebuildBlock('s', { ids: ['x'], added: [1] }, [], 2, new Set(['x']))).toEqual([]);
  });
});

describe('packed memberships against a plain model', () => {
  it('keeps every member, addedAt and range answer exact through random additions and removals', async () => {
    const leadId = fc.integer({ min: 0, max: 3999 }).map((n) => `demo/${n}`);
    const step = fc.record({
      segment: fc.constantFrom('s1', 's2'),
      add: fc.array(leadId, { maxLength: 1500 }),
      remove: fc.array(leadId, { maxLength: 600 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const db = openTestDatabase('blocks');
        const model = new Map<string, Map<string, number>>([
          ['s1', new Map()],
          ['s2', new Map()],
        ]);
        let clock = 0;
        for (const { segment, add, remove } of steps) {
          clock++;
          await changeMembershipsOf(db, segment, { add, remove }, clock);
          const members = model.get(segment) as Map<string, number>;
          const added = new Set(add);
          for (const id of remove) if (!added.has(id)) members.delete(id);
          for (const id of add) members.set(id, clock);
        }
        for (const [segment, members] of model) {
          const expected = [...members.keys()].sort(byKey);
          const stored = await membershipsOfSegment(db, segment);
          expect(stored.map((m) => m.leadId)).toEqual(expected);
          expect(stored.map((m) => m.addedAt)).toEqual(expected.map((id) => members.get(id)));
          expect(await countMemberships(db, segment)).toBe(expected.length);
          expect(await memberIdsInRange(db, segment, 'demo/2', 'demo/3')).toEqual(expected.filter((id) => id > 'demo/2' && id <= 'demo/3'));
          expect((await membershipPage(db, segment, 'demo/1', 50)).map((m) => m.leadId)).toEqual(expected.filter((id) => id > 'demo/1').slice(0, 50));
        }
        const probe = ['demo/0', 'demo/17', 'demo/3999', 'demo/2500', 'zzz'];
        const expectedOfLeads = probe
          .flatMap((id) => ['s1', 's2'].filter((s) => model.get(s)?.has(id)).map((s) => ({ segmentId: s, leadId: id, addedAt: model.get(s)?.get(id) })))
          .sort((a, b) => byKey(a.leadId, b.leadId) || byKey(a.segmentId, b.segmentId));
        expect(await membershipsOfLeads(db, probe)).toEqual(expectedOfLeads);
        await removeMemberships(db, [...(model.get('s1') as Map<string, number>).keys()].map((id) => ['s1', id] as [string, string]));
        expect(await countMemberships(db, 's1')).toBe(0);
        db.close();
      }),
      { numRuns: 15, seed: 10 },
    );
  });
});
