/**
 * Calendar boundaries in the evaluation time zone (SPEC §3 rule 6), computed with date-fns and
 * @date-fns/tz. The engine calls these once per compile, never per lead.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks } from 'date-fns';
import type { RelativeUnit } from '../schema/fields';

const validZones = new Set<string>();

/**
 * Time-zone arithmetic goes through Intl and costs tens of microseconds; compiles repeat the same
 * boundaries (every explainLead call, every segment with the same `now`), so results are memoised.
 * Bounded: cleared when full. Safe because a zone's rules do not change while the code runs.
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
 * `timeZone`. On a day whose midnight is skipped by a DST change, this is the day's first instant.
 */
export function startOfDayIn(day: string, timeZone: string, offsetDays = 0): number {
  return memoised(`d|${day}|${offsetDays}|${timeZone}`, () => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    return new TZDate(year, month - 1, date + offsetDays, timeZone).getTime();
  });
}

const SHIFT: Record<RelativeUnit, (date: TZDate, amount: number) => TZDate> = {
  days: addDays,
  weeks: addWeeks,
  months: addMonths,
};

/**
 * Epoch ms of `now` moved by `amount` (negative = back) `unit`s with calendar arithmetic in
 * `timeZone`: the wall-clock time is kept across DST changes, and months keep the day of month,
 * clamped to the month's end (Mar 31 − 1 month = Feb 28). A result beyond the representable date
 * range becomes −Infinity / +Infinity, so "in the last 10⁹ days" still means "any past instant".
 */
export function shiftInstant(now: number, amount: number, unit: RelativeUnit, timeZone: string): number {
  return memoised(`s|${now}|${amount}|${unit}|${timeZone}`, () => {
    const shifted = SHIFT[unit](new TZDate(now, timeZone), amount).getTime();
    if (Number.isNaN(shifted)) return amount < 0 ? -Infinity : Infinity;
    return shifted;
  });
}
