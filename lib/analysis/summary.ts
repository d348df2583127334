import { dayToUtcMs } from './days';
import type { DayPoint } from './history-series';

/** Formats a history day ("YYYY-MM-DD") as a medium date in `locale`, e.g. "Jun 3, 2026". */
export function formatDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(dayToUtcMs(day));
}

/**
 * The text alternative of the growth chart (its `role="img"` name): the span, the first and last
 * counts with the change, and the highest and lowest counts with their days. Numbers and days in
 * `locale`.
 */
export function growthSummary(segmentName: string, series: readonly DayPoint[], locale?: string): string {
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return `Member count of ${segmentName}: no history yet.`;
  const n = new Intl.NumberFormat(locale);
  const count = (c: number) => `${n.format(c)} ${c === 1 ? 'member' : 'members'}`;
  if (series.length === 1) return `Member count of ${segmentName} on ${formatDay(first.day, locale)}: ${count(first.count)}.`;
  let high = first;
  let low = first;
  for (const point of series) {
    if (point.count > high.count) high = point;
    if (point.count < low.count) low = point;
  }
  const change = last.count - first.count;
  const signed = change === 0 ? 'no change' : `${change > 0 ? '+' : '−'}${n.format(Math.abs(change))}`;
  return (
    `Member count of ${segmentName} over ${n.format(series.length)} days, ${formatDay(first.day, locale)} to ${formatDay(last.day, locale)}: ` +
    `${count(first.count)} to ${count(last.count)} (${signed}). ` +
    `Highest ${n.format(high.count)} on ${formatDay(high.day, locale)}, lowest ${n.format(low.count)} on ${formatDay(low.day, locale)}.`
  );
}
