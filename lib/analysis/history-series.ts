import type { SegmentHistory } from '../schema';
import { addDays, daysBetween, eachDay, windowStart } from './days';

/** One day of a segment's growth: the member count at the end of the day and the day's changes. */
export interface DayPoint {
  day: string;
  count: number;
  added: number;
  removed: number;
}

/** Most days a series spans (about ten years); older days are cut off, newest kept. */
export const MAX_SERIES_DAYS = 3660;

/**
 * The daily member-count series of a segment from its history rows (docs/semantics.md §2: one row per segment
 * per day on which membership changed): every day from the first row to `today` (or the last row,
 * if a row lies after `today`), a day without a row carrying the previous count with no changes.
 * Rows may come in any order. No rows → no points.
 */
export function dailySeries(rows: readonly SegmentHistory[], today: string): DayPoint[] {
  if (rows.length === 0) return [];
  const sorted = [...rows].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const byDay = new Map(sorted.map((row) => [row.day, row]));
  const lastRow = sorted[sorted.length - 1] as SegmentHistory;
  const end = lastRow.day > today ? lastRow.day : today;
  let start = sorted[0]!.day;
  if (daysBetween(start, end) >= MAX_SERIES_DAYS) start = addDays(end, -(MAX_SERIES_DAYS - 1));
  let count = [...sorted].reverse().find((row) => row.day < start)?.count ?? 0;
  return eachDay(start, end).map((day) => {
    const row = byDay.get(day);
    if (row) count = row.count;
    return { day, count, added: row?.added ?? 0, removed: row?.removed ?? 0 };
  });
}

/** Members added and removed over a window of days. */
export interface WindowTotals {
  added: number;
  removed: number;
}

/**
 * Members added and removed in the last `days` calendar days: the sums of the rows whose day lies
 * in [`today` − (`days` − 1), `today`] — "last 7 days" is today and the six days before (docs/semantics.md §8).
 */
export function windowTotals(rows: readonly SegmentHistory[], today: string, days: number): WindowTotals {
  const start = windowStart(today, days);
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.day < start || row.day > today) continue;
    added += row.added;
    removed += row.removed;
  }
  return { added, removed };
}
