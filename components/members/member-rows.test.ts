import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../lib/format/member-columns';
import { testLead } from '../../lib/format/test-leads';
import { leadIdsBetween, OrderedRows, positionOfLead, rowsArray } from './member-rows';

const base: MemberRow[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ lead: testLead(id, { name: id.toUpperCase() }) }));
const crmIds = (rows: readonly MemberRow[]) => rows.map((r) => r.lead.crmId);

describe('OrderedRows', () => {
  const reversed = new OrderedRows(base, Int32Array.from([4, 3, 2, 1, 0]));
  const narrowed = new OrderedRows(base, Int32Array.from([3, 1]));

  it('reads the rows of its base in its order', () => {
    expect(reversed.length).toBe(5);
    expect(reversed.at(0)?.lead.crmId).toBe('e');
    expect(reversed.at(4)?.lead.crmId).toBe('a');
    expect(reversed.at(-1)?.lead.crmId).toBe('a');
    expect(reversed.at(5)).toBeUndefined();
    expect(crmIds(rowsArray(narrowed))).toEqual(['d', 'b']);
    expect(rowsArray(base)).toBe(base);
  });

  it('finds a lead by id in the order, or says it is left out', () => {
    expect(positionOfLead(reversed, 'demo@test/a')).toBe(4);
    expect(positionOfLead(narrowed, 'demo@test/b')).toBe(1);
    expect(positionOfLead(narrowed, 'demo@test/c')).toBeUndefined();
    expect(positionOfLead(narrowed, 'demo@test/nobody')).toBeUndefined();
    expect(positionOfLead(base, 'demo@test/c')).toBe(2);
  });

  it('gives the lead ids of a range of rows, clamped to the list', () => {
    expect(leadIdsBetween(reversed, 3, 9)).toEqual(['demo@test/b', 'demo@test/a']);
    expect(leadIdsBetween(narrowed, -2, 1)).toEqual(['demo@test/d']);
  });
});
