import { describe, expect, it } from 'vitest';
import { makeLead } from '../segments/test-support';
import { countFieldValues, createFieldValueTally, leadTextValues } from './index';

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

describe('createFieldValueTally', () => {
  it('counts several fields in one pass, as countFieldValues counts each', () => {
    const tally = createFieldValueTally(['source', 'tags', 'custom.city']);
    for (const lead of leads) tally.add(lead);
    const result = tally.result();
    for (const field of ['source', 'tags', 'custom.city']) expect(result.get(field)).toEqual(countFieldValues(leads, field));
  });
});
