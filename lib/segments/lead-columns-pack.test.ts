import { describe, expect, it } from 'vitest';
import type { Lead } from '../schema';
import { LeadColumns } from './lead-columns';
import { packedParts, packRows, unpackRows } from './lead-columns-pack';
import { makeLead } from './test-support';

const LEADS: Lead[] = [
  makeLead('1', { status: 'New', tags: ['a', 'b'], custom: JSON.parse('{"__proto__": "own", "n": -0, "list": ["x"], "none": null}') as Lead['custom'] }),
  makeLead('2', { email: '', createdAt: 0, campaigns: [{ campaignId: 'email', state: 'participating', response: 'opened', respondedAt: 9 }] }),
  makeLead('3', { status: 'New', custom: { ok: true, no: false, text: 'x' } }),
];

describe('packed lead columns', () => {
  it('unpack to the same rows, across parts', () => {
    const columns = new LeadColumns();
    columns.upsert(LEADS);
    const copy = new LeadColumns();
    for (const part of packedParts(columns, 2)) unpackRows(copy, structuredClone(part));
    for (const key of ['ids', 'interned', 'plain', 'times', 'tags', 'campaigns', 'custom'] as const) expect(copy[key], key).toEqual(columns[key]);
    const custom = copy.content('demo/1')?.custom ?? {};
    expect(Object.hasOwn(custom, '__proto__') && Object.getPrototypeOf(custom) === Object.prototype).toBe(true);
    expect(Object.is(custom.n, -0)).toBe(true);
    // Repeated texts are shared with the copy's other rows.
    expect(copy.interned.status[0]).toBe(copy.interned.status[2]);
  });

  it('refuses a damaged part', () => {
    const columns = new LeadColumns();
    columns.upsert(LEADS);
    const part = packRows(columns, 0, 3);
    expect(() => unpackRows(new LeadColumns(), { ...part, words: part.words.slice(1) })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, ids: [] })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, dict: [] })).toThrow('damaged');
  });
});
