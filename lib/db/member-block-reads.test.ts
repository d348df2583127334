import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../segments/test-support';
import { BlockReads, FEW_IDS } from './member-block-reads';
import { MAX_BLOCK_IDS } from './member-blocks';
import { changeMembershipsOf, changeMembershipsOfMany, countMemberships, membershipsOfLeads, membershipsOfSegment } from './memberships';

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SEGMENTS = ['s1', 's2', 's3'];

describe('memberships of a few leads, read by lead id', () => {
  it('stay exact through small changes that reuse the blocks their look-up read', async () => {
    // Ids around and between the seeded blocks' boundaries, before the first and after the last.
    const leadId = fc.integer({ min: 0, max: 3 * MAX_BLOCK_IDS + 50 }).map((n) => `demo/${String(n).padStart(5, '0')}`);
    const ids = fc.uniqueArray(leadId, { maxLength: FEW_IDS / 2 });
    const step = fc.record({ segment: fc.constantFrom(...SEGMENTS), add: ids, remove: ids, also: fc.constantFrom(...SEGMENTS), alsoAdd: ids });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const db = openTestDatabase('block-reads');
        // s1: three full blocks of every other id from 10; s2: one small block; s3: empty.
        const seeded = Array.from({ length: 3 * MAX_BLOCK_IDS }, (_, i) => `demo/${String(10 + i).padStart(5, '0')}`).filter((_, i) => i % 2 === 0);
        const model = new Map<string, Map<string, number>>([
          ['s1', new Map(seeded.map((id) => [id, 0]))],
          ['s2', new Map([['demo/01000', 0]])],
          ['s3', new Map()],
        ]);
        await changeMembershipsOf(db, 's1', { add: seeded, remove: [] }, 0);
        await changeMembershipsOf(db, 's2', { add: ['demo/01000'], remove: [] }, 0);
        let clock = 0;
        for (const { segment, add, remove, also, alsoAdd } of steps) {
          clock++;
          const changes = also === segment ? [{ segmentId: segment, add, remove }] : [{ segmentId: segment, add, remove }, { segmentId: also, add: alsoAdd, remove: [] }];
          const looked = [...new Set([...add, ...remove, ...alsoAdd])];
          const reads = new BlockReads();
          await db.transaction('rw', db.memberBlocks, async () => {
            const before = await membershipsOfLeads(db, looked, new Set(SEGMENTS), reads);
            const expected = looked
              .sort(byKey)
              .flatMap((id) => SEGMENTS.filter((s) => model.get(s)?.has(id)).map((s) => ({ segmentId: s, leadId: id, addedAt: model.get(s)?.get(id) })));
            expect(before).toEqual(expected);
            await changeMembershipsOfMany(db, changes, clock, reads);
          });
          for (const change of changes) {
            const members = model.get(change.segmentId) as Map<string, number>;
            const added = new Set(change.add);
            for (const id of change.remove) if (!added.has(id)) members.delete(id);
            for (const id of change.add) members.set(id, clock);
          }
        }
        for (const [segmentId, members] of model) {
          const rows = [...members].sort(([a], [b]) => byKey(a, b)).map(([leadId, addedAt]) => ({ segmentId, leadId, addedAt }));
          expect([await membershipsOfSegment(db, segmentId), await countMemberships(db, segmentId)]).toEqual([rows, rows.length]);
        }
        db.close();
      }),
      { numRuns: 25, seed: 10 },
    );
  });

  it('forgets the blocks it read once they are written', async () => {
    const db = openTestDatabase('block-reads-forget');
    await changeMembershipsOf(db, 's1', { add: ['a', 'c'], remove: [] }, 1);
    const reads = new BlockReads();
    await db.transaction('rw', db.memberBlocks, async () => {
      expect(await membershipsOfLeads(db, ['b'], new Set(['s1']), reads)).toEqual([]);
      await changeMembershipsOfMany(db, [{ segmentId: 's1', add: ['b'], remove: [] }], 2, reads);
      // A look-up after the write reads the new block, not the one kept from before it.
      expect(await membershipsOfLeads(db, ['b'], new Set(['s1']), reads)).toEqual([{ segmentId: 's1', leadId: 'b', addedAt: 2 }]);
      await changeMembershipsOfMany(db, [{ segmentId: 's1', add: [], remove: ['b', 'a'] }], 3, reads);
    });
    expect((await membershipsOfSegment(db, 's1')).map((m) => m.leadId)).toEqual(['c']);
    db.close();
  });
});
