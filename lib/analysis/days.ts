import { Temporal } from '../engine/temporal';

/**
 * Calendar-day arithmetic on SegmentHistory days ("YYYY-MM-DD", docs/semantics.md §2) with Temporal's
 * `PlainDate`: a day has no time or zone, so adding days never trips over DST.
 */

/** `day` plus `n` calendar days (negative goes back). Throws RangeError for a malformed day. */
export function addDays(day: string, n: number): string {
  return Temporal.PlainDate.from(day).add({ days: n }).toString();
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** Every day from `from` to `to`, both included, in order (none when `to` is earlier). */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Temporal.PlainDate.from(to);
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: 1 })) days.push(d.toString());
  return days;
}

/** The first day of the `days`-day window that ends with (and includes) `today`. */
export function windowStart(today: string, days: number): string {
  return addDays(today, -(Math.max(1, Math.floor(days)) - 1));
}

/** Epoch ms of midnight UTC of `day`: how the chart places a day on its time axis (drawn in UTC). */
export function dayToUtcMs(day: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime('UTC').epochMilliseconds;
}
