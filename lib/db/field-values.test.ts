import { describe, expect, it } from 'vitest';
import { makeLead, openTestDatabase } from '../segments/test-support';
import { countFieldValues, deleteLeadRows, fieldValueCounts, leadTextValues, putLeads, scanFieldValues } from './index';

const leads = [
  makeLead('1', { source: 'Google', tags: ['ebook', 'Will revert'], custom: { city: 'Mumbai', interests: ['a', 'b'] } }),
  makeLead('2', { source: ' google ', tags: ['ebook'], custom: { city: 'Thane', total_visits: 4 } }),
  makeLead('3', { source: 'Direct Traffic', tags: ['ebook', 'EBOOK'], custom: { city: 'Mumbai' } }),
  makeLead('4', { source: 'Google', custom: { city: null } }),
  makeLead('5', { source: '' }),
];

describe('leadTextValues', () => {
  it('reads text, multiselect and custom values; skips empty and non-text values', () => {
    expect(leadTextValues(leads[0]!, 'source')).toEqual(['Google']);
    expect(leadTextValues(leads[0]!, 'tags')).toEqual(['ebook', 'Will revert']);
    expect(leadTextValues(leads[0]!, 'custom.interests')).toEqual(['a', 'b']);
    expect(leadTextValues(leads[1]!, 'custom.total_visits')).toEqual([]);
    expect(leadTextValues(leads[4]!, 'source')).toEqual([]);
    expect(leadTextValues(leads[0]!, 'createdAt')).toEqual([]);
    expect(leadTextValues(leads[0]!, 'campaignParticipation')).toEqual([]);
  });
});

describe('countFieldValues', () => {
  it('counts distinct values case-insensitively, most common first, in the most common spelling', () => {
    expect(countFieldValues(leads, 'source')).toEqual([
      { value: 'Google', count: 3 },
      { value: 'Direct Traffic', count: 1 },
    ]);
    expect(countFieldValues(leads, 'custom.city')).toEqual([
      { value: 'Mumbai', count: 2 },
      { value: 'Thane', count: 1 },
    ]);
  });

  it('counts a lead once per value even when a list repeats it', () => {
    expect(countFieldValues(leads, 'tags')).toEqual([
      { value: 'ebook', count: 3 },
      { value: 'Will revert', count: 1 },
    ]);
  });
});

describe('scanFieldValues and fieldValueCounts', () => {
  it('counts several fields in one pass over leads stored in more than one chunk', async () => {
    const db = openTestDatabase();
    const many = Array.from({ length: 5_001 }, (_, i) =>
      makeLead(String(i).padStart(6, '0'), { source: i % 3 === 0 ? 'Google' : 'Direct Traffic', country: i === 0 ? 'Qatar' : 'India' }),
    );
    await putLeads(db, many);
    const counts = await scanFieldValues(db, ['source', 'country']);
    expect(counts.get('source')).toEqual([
      { value: 'Direct Traffic', count: 3_334 },
      { value: 'Google', count: 1_667 },
    ]);
    expect(counts.get('country')).toEqual([
      { value: 'India', count: 5_000 },
      { value: 'Qatar', count: 1 },
    ]);
    db.close();
  });

  it('keeps counts until a lead is written or deleted', async () => {
    const db = openTestDatabase();
    await putLeads(db, leads);
    const first = fieldValueCounts(db, 'source', ['country']);
    expect(fieldValueCounts(db, 'source')).toBe(first);
    expect(await first).toEqual([
      { value: 'Google', count: 3 },
      { value: 'Direct Traffic', count: 1 },
    ]);
    await putLeads(db, [makeLead('6', { source: 'Olark Chat' })]);
    expect(await fieldValueCounts(db, 'source')).toEqual([
      { value: 'Google', count: 3 },
      { value: 'Direct Traffic', count: 1 },
      { value: 'Olark Chat', count: 1 },
    ]);
    await deleteLeadRows(db, [leads[2]!.id]);
    expect((await fieldValueCounts(db, 'source')).map((v) => v.value)).toEqual(['Google', 'Olark Chat']);
    db.close();
  });
});
