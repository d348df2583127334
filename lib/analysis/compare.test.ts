import { describe, expect, it } from 'vitest';
import { barShares, DEFAULT_COMPARE_SORT, nextSort, sortCompareRows, type CompareRow } from './compare';

const row = (name: string, members: number, added30: number, removed30: number, conversionRate: number | null): CompareRow => ({
  segmentId: `id-${name}`,
  name,
  color: '#336699',
  members,
  added30,
  removed30,
  conversionRate,
});

const ROWS = [
  row('beta', 120, 5, 2, 0.25),
  row('Alpha', 40, 40, 0, 0.5),
  row('Gamma', 0, 0, 9, null),
  row('delta', 300, 12, 30, 0.25),
];
const names = (rows: CompareRow[]) => rows.map((r) => r.name);

describe('compare ranking', () => {
  it('ranks by conversion rate, highest first by default, ties by name and no rate last', () => {
    expect(names(sortCompareRows(ROWS, DEFAULT_COMPARE_SORT, 'en-US'))).toEqual(['Alpha', 'beta', 'delta', 'Gamma']);
    expect(names(sortCompareRows(ROWS, { column: 'conversionRate', direction: 'ascending' }, 'en-US'))).toEqual(['beta', 'delta', 'Alpha', 'Gamma']);
  });

  it('sorts by every figure column and by name ignoring case', () => {
    expect(names(sortCompareRows(ROWS, { column: 'members', direction: 'descending' }))).toEqual(['delta', 'beta', 'Alpha', 'Gamma']);
    expect(names(sortCompareRows(ROWS, { column: 'added30', direction: 'ascending' }))).toEqual(['Gamma', 'beta', 'delta', 'Alpha']);
    expect(names(sortCompareRows(ROWS, { column: 'removed30', direction: 'descending' }))).toEqual(['delta', 'Gamma', 'beta', 'Alpha']);
    expect(names(sortCompareRows(ROWS, { column: 'name', direction: 'ascending' }, 'en-US'))).toEqual(['Alpha', 'beta', 'delta', 'Gamma']);
    expect(names(sortCompareRows(ROWS, { column: 'name', direction: 'descending' }, 'en-US'))).toEqual(['Gamma', 'delta', 'beta', 'Alpha']);
  });

  it('toggles the direction on the sorted column and starts figures largest first', () => {
    expect(nextSort(DEFAULT_COMPARE_SORT, 'conversionRate')).toEqual({ column: 'conversionRate', direction: 'ascending' });
    expect(nextSort(DEFAULT_COMPARE_SORT, 'members')).toEqual({ column: 'members', direction: 'descending' });
    expect(nextSort(DEFAULT_COMPARE_SORT, 'name')).toEqual({ column: 'name', direction: 'ascending' });
  });

  it('draws rates as themselves and counts relative to the largest', () => {
    expect(barShares(ROWS, 'conversionRate')).toEqual([0.25, 0.5, 0, 0.25]);
    expect(barShares(ROWS, 'members')).toEqual([0.4, 40 / 300, 0, 1]);
    expect(barShares(ROWS, 'name')).toEqual([0.4, 40 / 300, 0, 1]);
    expect(barShares([row('x', 0, 0, 0, null)], 'added30')).toEqual([0]);
  });
});
