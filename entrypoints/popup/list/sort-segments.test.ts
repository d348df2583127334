import { describe, expect, it } from 'vitest';
import type { Campaign, Segment } from '../../../lib/schema';
import { activeCampaignsUsing, filterSegments, isSegmentSort, sortSegments } from './sort-segments';

const seg = (id: string, name: string, memberCount: number, updatedAt: number, description = ''): Segment => ({
  id,
  name,
  description,
  color: '#2563eb',
  rules: { combinator: 'and', rules: [{ field: 'status', operator: 'is_not_empty' }] },
  status: 'active',
  ownerId: 'u',
  ownerName: 'U',
  orgId: 'o',
  createdAt: 0,
  updatedAt,
  rulesVersion: 1,
  memberCount,
});

const segments = [seg('a', 'segment 10', 5, 300), seg('b', 'Segment 2', 50, 100, 'India leads'), seg('c', 'alpha', 5, 200)];

describe('sortSegments', () => {
  it('sorts by name case-insensitively with numbers in order', () => {
    expect(sortSegments(segments, 'name').map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });
  it('sorts by member count, largest first, ties by name', () => {
    expect(sortSegments(segments, 'members').map((s) => s.id)).toEqual(['b', 'c', 'a']);
  });
  it('sorts by last update, newest first', () => {
    expect(sortSegments(segments, 'updated').map((s) => s.id)).toEqual(['a', 'c', 'b']);
  });
  it('does not change its input', () => {
    sortSegments(segments, 'members');
    expect(segments.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('filterSegments', () => {
  it('matches name or description, case-insensitively', () => {
    expect(filterSegments(segments, 'SEGMENT').map((s) => s.id)).toEqual(['a', 'b']);
    expect(filterSegments(segments, 'india').map((s) => s.id)).toEqual(['b']);
    expect(filterSegments(segments, '  ')).toHaveLength(3);
  });
});

describe('activeCampaignsUsing', () => {
  it('lists only active campaigns that target the segment, by name', () => {
    const campaigns: Campaign[] = [
      { id: 'x', crmKey: 'k', name: 'Zeta', status: 'active', segmentIds: ['a'] },
      { id: 'y', crmKey: 'k', name: 'Alpha', status: 'active', segmentIds: ['b', 'a'] },
      { id: 'z', crmKey: 'k', name: 'Paused one', status: 'paused', segmentIds: ['a'] },
      { id: 'w', crmKey: 'k', name: 'Other', status: 'active', segmentIds: ['b'] },
    ];
    expect(activeCampaignsUsing('a', campaigns).map((c) => c.name)).toEqual(['Alpha', 'Zeta']);
  });
});

describe('isSegmentSort', () => {
  it('accepts the three sort ids only', () => {
    expect(['name', 'members', 'updated', 'size', null].map(isSegmentSort)).toEqual([true, true, true, false, false]);
  });
});
