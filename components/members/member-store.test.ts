import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../lib/format/member-columns';
import { testLead } from '../../lib/format/test-leads';
import type { Membership } from '../../lib/schema';
import { MemberStore } from './member-store';
import { positionOfLead } from './member-rows';

const id = (n: number) => `demo@test/${String(n).padStart(4, '0')}`;
const membership = (n: number, addedAt = 1): Membership => ({ segmentId: 's', leadId: id(n), addedAt });
const row = (n: number, name = `Lead ${n}`, addedAt = 1): MemberRow => ({ lead: testLead(String(n).padStart(4, '0'), { name }), addedAt });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** A store holding members 0–99 (even ids) in two blocks, every lead read. */
function loaded(): MemberStore {
  const store = new MemberStore('s');
  store.setStarts([id(0), id(100)]);
  store.setBlock(id(0), range(0, 50).map((n) => membership(n * 2)));
  store.setBlock(id(100), range(50, 100).map((n) => membership(n * 2)));
  store.put(store.missing().map((m) => row(Number(m.leadId.slice(-4)))));
  return store;
}

const ids = (rows: readonly MemberRow[]) => rows.map((r) => r.lead.id);

describe('MemberStore', () => {
  it('lists every member read, in lead-id order, once every block is read', () => {
    const store = new MemberStore('s');
    store.setStarts([id(0), id(100)]);
    store.setBlock(id(0), [membership(0)]);
    expect(store.total).toBeUndefined();
    store.setBlock(id(100), [membership(100)]);
    expect(store.total).toBe(2);
    expect(store.missing().map((m) => m.leadId)).toEqual([id(0), id(100)]);
    store.put([row(100), row(0), row(7)]); // 7 is no member
    expect(ids(store.rows())).toEqual([id(0), id(100)]);
  });

  it('patches the rows array for joins, leaves and edits exactly as building it whole would', () => {
    const store = loaded();
    const before = store.rows();
    expect(before).toHaveLength(100);
    expect(store.rows()).toBe(before); // nothing changed: the same array
    // 3 joins into the first block (odd ids), 2 leaves from the second, 1 edit, 1 addedAt change.
    store.setBlock(id(0), [...range(0, 50).map((n) => membership(n * 2, n === 10 ? 5 : 1)), membership(1), membership(33), membership(99)].sort((a, b) => (a.leadId < b.leadId ? -1 : 1)));
    store.setBlock(id(100), range(50, 100).filter((n) => n !== 60 && n !== 99).map((n) => membership(n * 2)));
    expect(store.missing().map((m) => m.leadId)).toEqual([id(1), id(33), id(99)]);
    store.put([row(1), row(33), row(99)]);
    expect(store.refreshLeads([row(4, 'Edited').lead, row(6).lead, undefined])).toBe(true);
    const after = store.rows();
    const expected = [...range(0, 50).map((n) => n * 2), 1, 33, 99, ...range(50, 100).filter((n) => n !== 60 && n !== 99).map((n) => n * 2)].sort((a, b) => a - b);
    expect(ids(after)).toEqual(expected.map(id));
    expect(after.find((r) => r.lead.id === id(4))?.lead.name).toBe('Edited');
    expect(after.find((r) => r.lead.id === id(20))?.addedAt).toBe(5);
    expect(store.total).toBe(101);
    // Unchanged rows are the same objects; a look-up finds each row by binary search.
    expect(after.find((r) => r.lead.id === id(8))).toBe(before.find((r) => r.lead.id === id(8)));
    expect(positionOfLead(after, id(99))).toBe(expected.indexOf(99));
    expect(positionOfLead(after, id(120))).toBeUndefined();
  });

  it('keeps the rows of members moved to a new block when the old block shrinks after (a block split)', () => {
    const store = loaded();
    const before = store.rows();
    store.setStarts([id(0), id(50), id(100)]);
    store.setBlock(id(50), range(25, 50).map((n) => membership(n * 2)));
    store.setBlock(id(0), range(0, 25).map((n) => membership(n * 2)));
    expect(store.missing()).toEqual([]);
    expect(store.total).toBe(100);
    expect(ids(store.rows())).toEqual(ids(before));
  });

  it('counts a member once while a split block is read before its old block shrinks', () => {
    const store = loaded();
    store.setStarts([id(0), id(50), id(100)]);
    store.setBlock(id(50), range(25, 50).map((n) => membership(n * 2)));
    // The old block still holds 0–98 (its shrunk copy not read yet): ids from 50 count in the new block only.
    expect(store.total).toBe(100);
    const fresh = new MemberStore('s');
    fresh.setStarts([id(0), id(50), id(100)]);
    fresh.setBlock(id(0), range(0, 50).map((n) => membership(n * 2)));
    fresh.setBlock(id(50), range(25, 50).map((n) => membership(n * 2)));
    fresh.setBlock(id(100), range(50, 100).map((n) => membership(n * 2)));
    fresh.put(fresh.missing().map((m) => row(Number(m.leadId.slice(-4)))));
    expect(fresh.total).toBe(100);
    expect(ids(fresh.rows())).toEqual(range(0, 100).map((n) => id(n * 2)));
  });

  it('drops the members of a block that is gone', () => {
    const store = loaded();
    store.rows();
    store.setStarts([id(0)]);
    expect(store.total).toBe(50);
    expect(ids(store.rows())).toEqual(range(0, 50).map((n) => id(n * 2)));
  });
});
