import { describe, expect, it } from 'vitest';
import type { SegmentHistory } from '../schema';
import { addDays, daysBetween, windowStart } from './days';
import { dailySeries, MAX_SERIES_DAYS, windowTotals } from './history-series';
import { growthSummary } from './summary';

const h = (day: string, count: number, added: number, removed: number): SegmentHistory => ({ segmentId: 's', day, count, added, removed });

describe('calendar days', () => {
  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-31', -31)).toBe('2024-02-29');
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(windowStart('2024-06-30', 7)).toBe('2024-06-24');
    expect(windowStart('2024-06-30', 30)).toBe('2024-06-01');
  });
});

describe('dailySeries', () => {
  it('fills the days without a row with the previous count, up to today', () => {
    const rows = [h('2024-06-03', 7, 2, 5), h('2024-06-01', 10, 10, 0)];
    expect(dailySeries(rows, '2024-06-05')).toEqual([
      { day: '2024-06-01', count: 10, added: 10, removed: 0 },
      { day: '2024-06-02', count: 10, added: 0, removed: 0 },
      { day: '2024-06-03', count: 7, added: 2, removed: 5 },
      { day: '2024-06-04', count: 7, added: 0, removed: 0 },
      { day: '2024-06-05', count: 7, added: 0, removed: 0 },
    ]);
  });

  it('has no points without rows and reaches a row dated after today', () => {
    expect(dailySeries([], '2024-06-05')).toEqual([]);
    expect(dailySeries([h('2024-06-06', 1, 1, 0)], '2024-06-05').map((p) => p.day)).toEqual(['2024-06-06']);
  });

  it('keeps at most MAX_SERIES_DAYS days, carrying the count from before the cut', () => {
    const series = dailySeries([h('2000-01-01', 4, 4, 0)], '2024-06-05');
    expect(series).toHaveLength(MAX_SERIES_DAYS);
    expect(series[0]).toEqual({ day: addDays('2024-06-05', -(MAX_SERIES_DAYS - 1)), count: 4, added: 0, removed: 0 });
  });
});

describe('windowTotals', () => {
  const rows = [h('2024-05-31', 50, 50, 0), h('2024-06-01', 48, 1, 3), h('2024-06-24', 60, 12, 0), h('2024-06-30', 59, 2, 3)];

  it('sums the last 7 and 30 days including today', () => {
    expect(windowTotals(rows, '2024-06-30', 7)).toEqual({ added: 14, removed: 3 });
    expect(windowTotals(rows, '2024-06-30', 30)).toEqual({ added: 15, removed: 6 });
    expect(windowTotals(rows, '2024-07-01', 7)).toEqual({ added: 2, removed: 3 });
  });
});

describe('growthSummary', () => {
  it('names the span, the change and the extremes', () => {
    const series = dailySeries([h('2024-06-01', 1200, 1200, 0), h('2024-06-02', 1450, 250, 0), h('2024-06-04', 900, 0, 550)], '2024-06-05');
    expect(growthSummary('Hot', series, 'en-US')).toBe(
      'Member count of Hot over 5 days, Jun 1, 2024 to Jun 5, 2024: 1,200 members to 900 members (−300). ' +
        'Highest 1,450 on Jun 2, 2024, lowest 900 on Jun 4, 2024.',
    );
    expect(growthSummary('Hot', [], 'en-US')).toBe('Member count of Hot: no history yet.');
    expect(growthSummary('Hot', dailySeries([h('2024-06-05', 1, 1, 0)], '2024-06-05'), 'en-US')).toBe('Member count of Hot on Jun 5, 2024: 1 member.');
  });
});
