import { describe, expect, it } from 'vitest';
import { fieldKeyForHeader, type ImportPlan } from './plan';
import { createRowConverter } from './row-converter';

const plan: ImportPlan = {
  crmKey: 'csv:test',
  now: 1_000,
  timeZone: 'UTC',
  customFields: [
    { key: 'visits', label: 'Visits', type: 'number' },
    { key: 'vip', label: 'VIP', type: 'boolean' },
    { key: 'topics', label: 'Topics', type: 'multiselect' },
  ],
  mapping: {
    keyColumn: 0,
    columns: [
      { index: 0, header: 'Email', target: 'email' },
      { index: 1, header: 'First', target: 'name' },
      { index: 2, header: 'Last', target: 'name' },
      { index: 3, header: 'Created', target: 'createdAt', dateFormat: 'yyyymmdd' },
      { index: 4, header: 'Visits', target: 'custom.visits', numberStyle: 'comma' },
      { index: 5, header: 'VIP', target: 'new', newField: { key: 'vip', label: 'VIP', type: 'boolean' } },
      { index: 6, header: 'Tags', target: 'tags', separator: ',' },
      { index: 7, header: 'Topics', target: 'custom.topics', separator: '|' },
      { index: 8, header: 'Notes', target: 'skip' },
    ],
  },
};

describe('createRowConverter', () => {
  it('turns a row into a lead of the import CRM with typed values', () => {
    const convert = createRowConverter(plan, 9);
    const outcome = convert(['Ada@Example.com', 'Ada', 'Lovelace', '20210105', '1.234,5', 'Yes', 'a, b,a', 'x|y', 'ignored'], 2);
    expect(outcome).toEqual({
      kind: 'lead',
      unreadable: [],
      lead: {
        id: 'csv:test/ada@example.com',
        crmKey: 'csv:test',
        crmId: 'ada@example.com',
        name: 'Ada Lovelace',
        email: 'Ada@Example.com',
        createdAt: Date.UTC(2021, 0, 5),
        tags: ['a', 'b'],
        campaigns: [],
        custom: { visits: 1234.5, vip: true, topics: ['x', 'y'] },
        syncedAt: 1_000,
      },
    });
  });

  it('stores unreadable values empty and lists them; skips broken, keyless and repeated rows', () => {
    const convert = createRowConverter(plan, 9);
    const bad = convert(['b@x.io', '', '', '2021-13-45', 'many', 'perhaps', '', '', ''], 2);
    expect(bad.kind === 'lead' && bad.lead.createdAt).toBe(undefined);
    expect(bad.kind === 'lead' && bad.lead.custom).toEqual({ visits: null, vip: null });
    expect(bad.kind === 'lead' && bad.unreadable).toEqual([3, 4, 5]);
    expect(convert(['c@x.io', 'only three'], 3)).toEqual({ kind: 'skip', reason: 'has 2 fields, the header has 9' });
    expect(convert([' ', '', '', '', '', '', '', '', ''], 4)).toEqual({ kind: 'skip', reason: 'no value in the key column "Email"' });
    expect(convert(['B@X.IO', '', '', '', '', '', '', '', ''], 5)).toEqual({ kind: 'skip', reason: 'repeats the key "b@x.io" of row 2' });
  });

  it('refuses a plan that maps to an unknown custom field', () => {
    const broken: ImportPlan = { ...plan, customFields: [] };
    expect(() => createRowConverter(broken, 9)).toThrow(/Visits.*custom field that does not exist/);
  });

  it('never touches Object.prototype: keys like __proto__ and constructor are refused, values stay own properties', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const hostile: ImportPlan = {
        ...plan,
        customFields: [{ key, label: 'Hostile', type: 'text' }],
        mapping: { keyColumn: 0, columns: [{ index: 0, header: 'Email', target: 'email' }, { index: 1, header: 'Hostile', target: `custom.${key}` }] },
      };
      expect(() => createRowConverter(hostile, 2)).toThrow(`reserved field key "${key}"`);
    }
    const convert = createRowConverter(plan, 9);
    const outcome = convert(['d@x.io', '', '', '', '7', '', '', '', ''], 2);
    expect(outcome.kind === 'lead' && Object.getPrototypeOf(outcome.lead.custom)).toBe(Object.prototype);
    expect(outcome.kind === 'lead' && Object.keys(outcome.lead.custom)).toEqual(['visits']);
    expect(({} as Record<string, unknown>)['visits']).toBeUndefined();
  });
});

describe('fieldKeyForHeader', () => {
  it('never proposes a key the import refuses', () => {
    expect(fieldKeyForHeader('Lead Owner')).toBe('lead_owner');
    expect(fieldKeyForHeader('__proto__')).toBe('proto');
    expect(fieldKeyForHeader('Constructor')).toBe('constructor_field');
    expect(fieldKeyForHeader('prototype')).toBe('prototype_field');
    expect(fieldKeyForHeader('¿?')).toBe('field');
  });
});
