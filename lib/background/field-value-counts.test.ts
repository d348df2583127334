import { describe, expect, it } from 'vitest';
import { deleteLeadRows, putLeads } from '../db';
import { makeLead, openTestDatabase } from '../segments/test-support';
import { createFieldValueCounts, MAX_VALUES_PER_FIELD } from './field-value-counts';
import { createLeadMemory } from './lead-memory';

describe('createFieldValueCounts', () => {
  it('counts from the compact lead copy, keeps the counts until a lead write, then counts again', async () => {
    const db = openTestDatabase('field-values');
    await putLeads(db, [makeLead('1', { source: 'Google', tags: ['ebook'] }), makeLead('2', { source: ' google ' }), makeLead('3', { source: 'Direct Traffic' }), makeLead('5', { source: 'Google' })]);
    const memory = createLeadMemory(db);
    const counts = createFieldValueCounts(db, memory);
    const first = await counts.get(['source', 'tags']);
    expect(first).toEqual({
      source: { values: [{ value: 'Google', count: 3 }, { value: 'Direct Traffic', count: 1 }], complete: true },
      tags: { values: [{ value: 'ebook', count: 1 }], complete: true },
    });
    expect((await counts.get(['source'])).source).toBe(first.source);

    await putLeads(db, [makeLead('4', { source: 'Olark Chat' })]);
    await deleteLeadRows(db, ['demo/3']);
    expect((await counts.get(['source'])).source?.values).toEqual([
      { value: 'Google', count: 3 },
      { value: 'Olark Chat', count: 1 },
    ]);
    counts.close();
    memory.close();
  });

  it('sends the most common values of a field with very many, marked incomplete', async () => {
    const db = openTestDatabase('field-values-many');
    await putLeads(db, Array.from({ length: MAX_VALUES_PER_FIELD + 5 }, (_, i) => makeLead(String(i), { company: `Co ${i}`, custom: { note: `n${i}` } })));
    const counts = createFieldValueCounts(db, createLeadMemory(db));
    const { 'custom.note': notes } = await counts.get(['custom.note']);
    expect(notes?.values).toHaveLength(MAX_VALUES_PER_FIELD);
    expect(notes?.complete).toBe(false);
  });
});
