import { describe, expect, it } from 'vitest';
import { putLeads } from '../db';
import { makeLead, openTestDatabase } from '../segments/test-support';
import { keepStoredValues, withStoredValues } from './keep-stored';

describe('keepStoredValues', () => {
  const stored = makeLead('1', { name: 'Asha Rao', status: 'Hot', custom: { city: 'Pune', visits: 4 } });

  it('puts the stored value back for each missing field, standard or custom', () => {
    const partial = makeLead('1', { name: '', status: 'New', custom: { visits: 5 } });
    const merged = keepStoredValues(stored, partial, ['name', 'custom.city']);
    expect(merged).toEqual({ ...partial, name: 'Asha Rao', custom: { visits: 5, city: 'Pune' } });
  });

  it('leaves the lead as converted without a stored lead, without missing fields, or where the stored lead lacks the field too', () => {
    const lead = makeLead('1', { name: 'New name' });
    expect(keepStoredValues(undefined, lead, ['name'])).toBe(lead);
    expect(keepStoredValues(stored, lead, [])).toBe(lead);
    expect(keepStoredValues(stored, lead, ['custom.unknown']).custom).toEqual(lead.custom);
  });
});

describe('withStoredValues', () => {
  it('merges partial records with the stored leads and counts those that had one', async () => {
    const db = openTestDatabase();
    await putLeads(db, [makeLead('1', { name: 'Asha Rao' })]);
    const batch = [makeLead('1', { name: '' }), makeLead('2', { name: '' }), makeLead('3', { name: 'Full' })];
    const missing = new Map([
      ['demo/1', ['name']],
      ['demo/2', ['name']],
    ]);
    const { leads, partial } = await withStoredValues(db, batch, missing);
    expect(leads.map((l) => l.name)).toEqual(['Asha Rao', '', 'Full']);
    expect(partial).toBe(1);
  });

  it('reads nothing when no record is partial', async () => {
    const db = openTestDatabase();
    const batch = [makeLead('1')];
    expect(await withStoredValues(db, batch, new Map())).toEqual({ leads: batch, partial: 0 });
  });
});
