/**
 * Calendar arithmetic in the evaluation time zone (docs/semantics.md, "Dates"), with Temporal
 * (`./temporal`): exact whatever the host's own zone, including offsets that are not whole minutes
 * (Africa/Monrovia −00:44:30 before 1972). A wall-clock time that occurs twice resolves to its
 * earlier instant, one that does not exist moves forward by the gap (Temporal's "compatible").
 * The engine calls these once per compile, never per lead; history day keys and date formatting
 * use the same functions so every part of the product agrees on what day an instant is.
 */
import type { RelativeUnit } from '../schema/fields';
import { Temporal } from './temporal';

const validZones = new Set<string>();

/**
 * Time-zone arithmetic goes through Intl and costs microseconds; compiles repeat the same
 * boundaries (every explainLead call, every segment with the same `now`), so results are memoised.
 * Bounded: cleared when full. Safe because results depend only on the arguments.
 */
const BOUNDARY_MEMO_LIMIT = 1024;
const boundaryMemo = new Map<string, number>();

function memoised(key: string, compute: () => number): number {
  let value = boundaryMemo.get(key);
  if (value === undefined) {
    value = compute();
    if (boundaryMemo.size >= BOUNDARY_MEMO_LIMIT) boundaryMemo.clear();
    boundaryMemo.set(key, value);
  }
  return value;
}

/**
 * Throws a RangeError unless `timeZone` is an IANA time zone name this runtime knows
 * (e.g. "Asia/Kolkata", "UTC"). Results are remembered.
 */
export function assertTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  try {
    if (typeof timeZone !== 'string' || timeZone === '') throw new RangeError('empty');
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone '${String(timeZone)}'`);
  }
  validZones.add(timeZone);
}

/**
 * Epoch ms of the start of calendar day `day` ("YYYY-MM-DD") plus `offsetDays` days, in
 * `timeZone`: the day's first instant (on a day whose midnight is skipped, the end of the gap; on
 * one whose midnight occurs twice, the earlier one). Throws a RangeError for an invalid day.
 */
export function startOfDayIn(day: string, timeZone: string, offsetDays = 0): number {
  return memoised(`d|${day}|${offsetDays}|${timeZone}`, () =>
    Temporal.PlainDate.from(day).add({ days: offsetDays }).toZonedDateTime({ timeZone }).epochMilliseconds,
  );
}

/**
 * Epoch ms of `now` moved by `amount` (negative = back) `unit`s with calendar arithmetic in
 * `timeZone`: the wall-clock time is kept across DST changes (resolved "compatible"), and months
 * keep the day of month, clamped to the month's end (Mar 31 − 1 month = Feb 28). A result beyond
 * the representable date range becomes −Infinity / +Infinity, so "in the last 10⁹ days" still
 * means "any past instant".
 */
export function shiftInstant(now: number, amount: number, unit: RelativeUnit, timeZone: string): number {
  return memoised(`s|${now}|${amount}|${unit}|${timeZone}`, () => {
    try {
      return zoned(now, timeZone).add({ [unit]: amount }).epochMilliseconds;
    } catch (error) {
      if (error instanceof RangeError) return amount < 0 ? -Infinity : Infinity;
      throw error;
    }
  });
}

function zoned(ms: number, timeZone: string) {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

/** Zero-padded to `width` digits. */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM-DD" of a year (0–9999 four digits; others signed six digits, ISO 8601), month, day. */
function isoDay(year: number, month: number, day: number): string {
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
  return `${y}-${pad(month)}-${pad(day)}`;
}

/**
 * The calendar day ("YYYY-MM-DD") of instant `ms` (epoch ms) in `timeZone` (IANA), e.g. the day
 * of a SegmentHistory row or an export file name. Throws a RangeError for a non-finite `ms`.
 */
export function dayInTimeZone(ms: number, timeZone: string): string {
  const t = zoned(ms, timeZone);
  return isoDay(t.year, t.month, t.day);
}

/**
 * "YYYY-MM-DD HH:mm" (or "YYYY-MM-DD" when `withTime` is false) of instant `ms` in `timeZone`:
 * the wall clock a user in that zone reads, for CSV cells and other machine-readable text.
 */
export function wallClockIn(ms: number, timeZone: string, withTime: boolean): string {
  const t = zoned(ms, timeZone);
  const day = isoDay(t.year, t.month, t.day);
  return withTime ? `${day} ${pad(t.hour)}:${pad(t.minute)}` : day;
}

/** A wall-clock reading: month 1–12, day 1–31; time fields default to 0. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/**
 * Epoch ms of the wall-clock time `clock` in `timeZone` (e.g. a CSV cell "15 Apr, 2021 00:03:00"
 * read in the user's zone): a time that occurs twice is its earlier instant, one that does not
 * exist moves forward by the gap. Throws a RangeError for an impossible date (Feb 30, hour 24).
 */
export function instantOfWallClock(clock: WallClock, timeZone: string): number {
  return Temporal.PlainDateTime.from(clock, { overflow: 'reject' }).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}
