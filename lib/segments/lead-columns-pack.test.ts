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
    expect(() => unpackRows(new LeadColumns(), { ...part, customWords: part.customWords.slice(1) })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, tagWords: part.tagWords.slice(0, -1) })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, campaignNumbers: new Float64Array(0) })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, texts: ['demo/1', ...part.texts.slice(1)] })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, ends: part.ends.map((end) => end + 1) })).toThrow('damaged');
    expect(() => unpackRows(new LeadColumns(), { ...part, dict: [] })).toThrow('damaged');
    const copy = new LeadColumns();
    expect(() => unpackRows(copy, { ...part, present: new Uint8Array(part.present.length) })).toThrow('damaged');
    expect(copy.size).toBe(0);
  });

  it('refuses a part of the first layout (one string per lead)', () => {
    const first = { count: 1, ids: ['demo/1'], plain: [['A'], [undefined], [undefined], [undefined]], dict: [], codes: new Uint32Array(7), times: new Float64Array(3), words: new Uint32Array([0, 0, 0]), numbers: new Float64Array(0) };
    expect(() => unpackRows(new LeadColumns(), first)).toThrow('damaged');
  });

  it('reads single text cells before their column is decoded, as they were', () => {
    const columns = new LeadColumns();
    columns.upsert([...LEADS, makeLead('4', { company: 'Acme', phone: '' })]);
    const copy = new LeadColumns();
    for (const part of packedParts(columns, 3)) unpackRows(copy, structuredClone(part));
    for (const key of ['ids', 'name', 'email', 'company', 'phone'] as const) {
      const cells = Array.from({ length: 4 }, (_, row) => copy.text(key, row));
      expect(cells, key).toEqual(key === 'ids' ? columns.ids : columns.plain[key]);
      expect(copy.text(key, 3), key).toBe(columns.text(key, 3));
    }
    expect(copy.text('email', 1)).toBe('');
    expect(copy.text('phone', 3)).toBe('');
    expect(copy.text('company', 0)).toBeUndefined();
  });

  it('decodes a column when it is first read, and stays exact through writes after', () => {
    const columns = new LeadColumns();
    columns.upsert(LEADS);
    const copy = new LeadColumns();
    for (const part of packedParts(columns, 2)) unpackRows(copy, structuredClone(part));
    expect(copy.size).toBe(3);
    expect(copy.interned.status).toEqual(['New', undefined, 'New']);
    copy.upsert([makeLead('2', { status: 'Won' }), makeLead('4')]);
    copy.remove(['demo/1']);
    const expected = new LeadColumns();
    expected.upsert(LEADS);
    expected.upsert([makeLead('2', { status: 'Won' }), makeLead('4')]);
    expected.remove(['demo/1']);
    for (const key of ['ids', 'interned', 'plain', 'times', 'tags', 'campaigns', 'custom'] as const) expect(copy[key], key).toEqual(expected[key]);
    for (const id of expected.ids) expect(copy.content(id), id).toEqual(expected.content(id));
  });
});
