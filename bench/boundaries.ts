import { Temporal } from 'temporal-polyfill';

/** Epoch ms of the first instant of calendar day `day` ("YYYY-MM-DD") in `timeZone`. */
export function dayStart(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** Epoch ms of the first instant of the day after `day` in `timeZone` (the exclusive end of `day`). */
export function dayEnd(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** Epoch ms of `now` minus `amount` units, calendar arithmetic in `timeZone` (months clamp to month end). */
export function ago(now: number, amount: number, unit: 'days' | 'weeks' | 'months', timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).subtract({ [unit]: amount }).epochMilliseconds;
}

/**
 * The date boundaries of the benchmark suite (bench/segments.ts), epoch ms, computed once with
 * the Temporal polyfill directly — independently of the engine's calendar module — for the hand-written closures and the
 * library peers (which have no notion of calendar days or time zones). docs/semantics.md §3 rule 6.
 */
export interface BenchBoundaries {
  now: number;
  /** s01 createdAt in_last 90 days: from. */
  s01CreatedFrom: number;
  /** s04 lastContactAt more_than_ago 2 months: strictly before. */
  s04ContactBefore: number;
  /** s05 createdAt after 2024-12-31: from (start of 2025-01-01). */
  s05CreatedFrom: number;
  /** s06 createdAt between 2024-06-01 and 2025-03-31: [from, to). */
  s06CreatedFrom: number;
  s06CreatedTo: number;
  /** s08 lastContactAt in_last 8 weeks: from. */
  s08ContactFrom: number;
  /** s09 createdAt before 2025-01-01: strictly before. */
  s09CreatedBefore: number;
  /** s10 createdAt in_last 6 months: from. */
  s10CreatedFrom: number;
}

/** Computes the suite's boundaries for a clock and time zone. */
export function computeBoundaries(now: number, timeZone: string): BenchBoundaries {
  return {
    now,
    s01CreatedFrom: ago(now, 90, 'days', timeZone),
    s04ContactBefore: ago(now, 2, 'months', timeZone),
    s05CreatedFrom: dayEnd('2024-12-31', timeZone),
    s06CreatedFrom: dayStart('2024-06-01', timeZone),
    s06CreatedTo: dayEnd('2025-03-31', timeZone),
    s08ContactFrom: ago(now, 8, 'weeks', timeZone),
    s09CreatedBefore: dayStart('2025-01-01', timeZone),
    s10CreatedFrom: ago(now, 6, 'months', timeZone),
  };
}
