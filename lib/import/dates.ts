import { instantOfWallClock, type WallClock } from '../engine/calendar';
import type { DateFormatId } from './plan';

/** A date part read from text: year, month 1–12, day 1–31, and the rest of the text (the time, if any). */
interface DatePart {
  year: number;
  month: number;
  day: number;
  rest: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month number of an English month name or its abbreviation ("Apr", "April", "Sept"), else 0. */
function monthOfName(name: string): number {
  const lower = name.toLowerCase();
  return lower.length < 3 ? 0 : MONTHS.findIndex((month) => month.startsWith(lower)) + 1;
}

/** One regex per format; each captures the date's parts and the rest of the text (a time, or nothing). */
const DATE_SHAPES: Readonly<Record<Exclude<DateFormatId, 'iso'>, { re: RegExp; order: 'ymd' | 'dmy' | 'mdy' | 'dMy' | 'Mdy' }>> = {
  yyyymmdd: { re: /^(\d{4})(\d{2})(\d{2})()$/, order: 'ymd' },
  'dd MMM, yyyy HH:mm:ss': { re: /^(\d{1,2}) (\p{L}{3,9}),? (\d{4})(?:\s+(.*))?$/u, order: 'dMy' },
  'MMM d, yyyy': { re: /^(\p{L}{3,9}) (\d{1,2}), (\d{4})(?:\s+(.*))?$/u, order: 'Mdy' },
  us: { re: /^(\d{1,2})(?:\/(\d{1,2})\/(\d{4})(?:\s+(.*))?|-(\d{1,2})-(\d{4}))$/, order: 'mdy' },
  eu: { re: /^(\d{1,2})(?:([/.])(\d{1,2})\2(\d{4})(?:\s+(.*))?|-(\d{1,2})-(\d{4}))$/, order: 'dmy' },
  'yyyy/mm/dd': { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(.*))?$/, order: 'ymd' },
};

/** Reads the date part of `text` in `format`, or `null` when the text does not have that shape. */
function readDatePart(format: Exclude<DateFormatId, 'iso'>, text: string): DatePart | null {
  const { re, order } = DATE_SHAPES[format];
  const m = re.exec(text);
  if (!m) return null;
  const n = (i: number) => Number(m[i]);
  switch (order) {
    case 'ymd':
      return { year: n(1), month: n(2), day: n(3), rest: m[4] ?? '' };
    case 'dMy':
      return { year: n(3), month: monthOfName(m[2] ?? ''), day: n(1), rest: m[4] ?? '' };
    case 'Mdy':
      return { year: n(3), month: monthOfName(m[1] ?? ''), day: n(2), rest: m[4] ?? '' };
    case 'mdy':
      // "M/d/yyyy[ time]" or "M-d-yyyy" (no time)
      return m[2] !== undefined ? { year: n(3), month: n(1), day: n(2), rest: m[4] ?? '' } : { year: n(6), month: n(1), day: n(5), rest: '' };
    case 'dmy':
      // "d/M/yyyy[ time]", "d.M.yyyy[ time]" or "d-M-yyyy" (no time)
      return m[3] !== undefined ? { year: n(4), month: n(3), day: n(1), rest: m[5] ?? '' } : { year: n(7), month: n(6), day: n(1), rest: '' };
  }
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i;

/** Reads "HH:mm", "HH:mm:ss" or "h:mm[:ss] AM" into hour/minute/second; `{}` for ""; `null` for anything else. */
function readTime(text: string): Pick<WallClock, 'hour' | 'minute' | 'second'> | null {
  if (text === '') return {};
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4] !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 && second <= 59 ? { hour, minute, second } : null;
}

/** How each format is named in the override picker. */
export const DATE_FORMAT_LABELS: Readonly<Record<DateFormatId, string>> = {
  iso: 'ISO 8601 (2021-04-15, 2021-04-15T10:30:00Z)',
  yyyymmdd: 'yyyymmdd (20210415)',
  'dd MMM, yyyy HH:mm:ss': 'dd MMM, yyyy HH:mm:ss (15 Apr, 2021 00:03:00)',
  'MMM d, yyyy': 'MMM d, yyyy (Apr 15, 2021)',
  us: 'US numeric, month first (4/15/2021)',
  eu: 'EU numeric, day first (15/4/2021, 15.04.2021)',
  'yyyy/mm/dd': 'yyyy/mm/dd (2021/04/15)',
};

/** Detection order: earlier formats win ties (US before EU when every value is ambiguous). */
const DETECTION_ORDER: readonly DateFormatId[] = ['iso', 'yyyymmdd', 'dd MMM, yyyy HH:mm:ss', 'MMM d, yyyy', 'us', 'eu', 'yyyy/mm/dd'];

/** Distinct texts a reader remembers (exports repeat dates a lot). */
const CACHE_LIMIT = 20_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Epoch ms of a wall clock in `timeZone`, or `null` for an impossible date or a year outside 1900–2200. */
function instantOrNull(clock: WallClock, timeZone: string): number | null {
  if (clock.year < MIN_YEAR || clock.year > MAX_YEAR || clock.month < 1 || clock.day < 1) return null;
  try {
    return instantOfWallClock(clock, timeZone);
  } catch {
    return null; // Feb 30, month 13 …
  }
}

/** ISO 8601 text → epoch ms: with an offset (or Z) it is that instant, without one a wall clock in `timeZone`. */
function readIso(text: string, timeZone: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const fraction = (m[7] ?? '').padEnd(3, '0').slice(0, 3);
  const clock: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: Number(fraction),
  };
  const offset = m[8];
  if (offset === undefined) return instantOrNull(clock, timeZone);
  const asUtc = instantOrNull(clock, 'UTC');
  if (asUtc === null || offset.toUpperCase() === 'Z') return asUtc;
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return asUtc - (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
}

/**
 * A reader of one date format in one IANA time zone: text → epoch ms, or `null` when the text
 * does not match the format (or names an impossible date, or a year outside 1900–2200). Values
 * without an offset are wall-clock times in `timeZone`, converted with the project's Temporal
 * helper (lib/engine/calendar.ts `instantOfWallClock`), so the answer never depends on the
 * machine's own time zone. Remembers the result of each distinct text (up to 20,000).
 */
export function dateReader(format: DateFormatId, timeZone: string): (text: string) => number | null {
  const read = (text: string): number | null => {
    if (format === 'iso') return readIso(text, timeZone);
    const date = readDatePart(format, text);
    const time = date && readTime(date.rest.trim());
    return date && time ? instantOrNull({ year: date.year, month: date.month, day: date.day, ...time }, timeZone) : null;
  };
  const cache = new Map<string, number | null>();
  return (text) => {
    let ms = cache.get(text);
    if (ms !== undefined) return ms;
    ms = read(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, ms);
    return ms;
  };
}

/**
 * The date format that reads the most of `samples` (non-empty, trimmed values), or `null` when
 * none reads at least 90% of them. Zoho's "15 Apr, 2021 00:03:00" → `dd MMM, yyyy HH:mm:ss`,
 * "20210105" → `yyyymmdd`.
 */
export function detectDateFormat(samples: readonly string[]): DateFormatId | null {
  const values = samples.filter((s) => s !== '').slice(0, 200);
  if (values.length === 0) return null;
  let best: { format: DateFormatId; read: number } | null = null;
  const probe = values.slice(0, 20);
  for (const format of DETECTION_ORDER) {
    const read = dateReader(format, 'UTC');
    if (probe.filter((v) => read(v) !== null).length * 2 < probe.length) continue;
    const count = values.reduce((n, v) => (read(v) === null ? n : n + 1), 0);
    if (!best || count > best.read) best = { format, read: count };
  }
  return best && best.read >= Math.ceil(values.length * 0.9) ? best.format : null;
}
