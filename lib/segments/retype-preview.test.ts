import { describe, expect, it } from 'vitest';
import { listLeads, putCustomFields, putLeads } from '../db';
import { retypeCustomField } from './custom-field-changes';
import { LeadColumns } from './lead-columns';
import { previewRetype } from './retype-preview';
import { makeLead, NOW, openTestDatabase, TIME_ZONE } from './test-support';

/** Text field `visits` on 6 leads: 2 not numbers, 1 empty, 1 lead without it. */
async function seeded() {
  const db = openTestDatabase('retype-preview');
  await putCustomFields(db, [{ key: 'visits', label: 'Visits', type: 'text' }]);
  const values = ['12', '1,500', 'many', '', 'n/a', 'many'];
  await putLeads(db, [...values.map((v, i) => makeLead(String(i + 1), { custom: { visits: v } })), makeLead('9', { custom: {} })]);
  return db;
}

describe('previewRetype', () => {
  it('counts the values a type change would empty, from the stored leads or the compact copy, as the change then does', async () => {
    const db = await seeded();
    const expected = { key: 'visits', to: 'number', values: 5, emptied: 3, examples: ['many', 'n/a'] };
    expect(await previewRetype(db, 'visits', 'number', { timeZone: TIME_ZONE })).toEqual(expected);
    const columns = new LeadColumns();
    columns.upsert(await listLeads(db));
    expect(await previewRetype(db, 'visits', 'number', { timeZone: TIME_ZONE, leads: columns })).toEqual(expected);
    expect(await previewRetype(db, 'visits', 'multiselect', { timeZone: TIME_ZONE })).toMatchObject({ values: 5, emptied: 0, examples: [] });
    // Nothing was written, and the change empties exactly what the preview said.
    expect((await retypeCustomField(db, 'visits', 'number', { now: NOW, timeZone: TIME_ZONE })).emptied).toBe(expected.emptied);
  });

  it('refuses an unknown field', async () => {
    const db = await seeded();
    await expect(previewRetype(db, 'nope', 'number', { timeZone: TIME_ZONE })).rejects.toThrow('There is no custom field "nope".');
  });
});
