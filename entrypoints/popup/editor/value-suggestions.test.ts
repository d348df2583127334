import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../lib/schema';
import { countFieldValues, leadTextValues } from './value-suggestions';

const lead = (n: number, over: Partial<Lead>): Lead => ({
  id: `demo/${n}`,
  crmKey: 'demo',
  crmId: String(n),
  name: `Lead ${n}`,
  tags: [],
  campaigns: [],
  custom: {},
  syncedAt: 0,
  ...over,
});

const leads = [
  lead(1, { source: 'Google', tags: ['ebook', 'Will revert'], custom: { city: 'Mumbai', interests: ['a', 'b'] } }),
  lead(2, { source: ' google ', tags: ['ebook'], custom: { city: 'Thane', total_visits: 4 } }),
  lead(3, { source: 'Direct Traffic', tags: ['ebook', 'EBOOK'], custom: { city: 'Mumbai' } }),
  lead(4, { source: 'Google', custom: { city: null } }),
  lead(5, { source: '' }),
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
