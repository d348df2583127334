import { dayInTimeZone, wallClockIn } from '../engine/calendar';
import { formatNumber } from './number';

/**
 * How values are shown to the user: the locale for numbers and dates, and the IANA time zone
 * dates are shown in (the user's, from `Intl`, unless a test or a setting pins one).
 */
export interface FormatContext {
  /** BCP 47 locale, e.g. "en-US"; `undefined` = the runtime default. */
  locale?: string;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
}

/** The kinds of value a column or field holds; decides formatting, sorting and CSV output. */
export type ValueKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'list';

/** What the UI shows for an empty value (the CSV cell stays empty). */
export const EMPTY_DISPLAY = '—';

/**
 * A value formatter bound to one locale and time zone. `Intl` formatters are created once and
 * reused, so formatting 100,000 cells stays cheap.
 */
export interface ValueFormatter {
  readonly context: FormatContext;
  /** Calendar date in the context's zone, e.g. "Mar 5, 2024"; "" for a missing/invalid time. */
  date(ms: number | null | undefined): string;
  /** Date and time in the context's zone, e.g. "Mar 5, 2024, 2:30 PM"; "" when missing. */
  dateTime(ms: number | null | undefined): string;
  /** A localised number, e.g. "1,234.5" (en-US) or "1.234,5" (de-DE); "" when not finite. */
  number(n: number | null | undefined): string;
  /**
   * Any stored value as display text ("" when empty per docs/semantics.md §3 rule 1):
   * booleans → "Yes"/"No", arrays → "a, b", numbers localised, `date`/`datetime` kinds treat
   * numbers as epoch ms.
   */
  value(value: unknown, kind: ValueKind): string;
}

/** True for docs/semantics.md §3 rule 1 empties: undefined, null, blank string, [], NaN. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The runtime's time zone (IANA name), falling back to "UTC" when `Intl` cannot tell. */
export function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Creates a {@link ValueFormatter}. Throws `RangeError` for an unknown time zone or locale. */
export function createFormatter(context: FormatContext): ValueFormatter {
  const { locale, timeZone } = context;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });

  const validTime = (ms: number | null | undefined): ms is number => typeof ms === 'number' && Number.isFinite(ms);
  const date = (ms: number | null | undefined) => (validTime(ms) ? dateFormat.format(ms) : '');
  const dateTime = (ms: number | null | undefined) => (validTime(ms) ? dateTimeFormat.format(ms) : '');
  const number = (n: number | null | undefined) => formatNumber(n, locale);

  const value = (raw: unknown, kind: ValueKind): string => {
    if (isEmptyValue(raw)) return '';
    if (Array.isArray(raw)) return raw.map((item) => value(item, kind === 'list' ? 'text' : kind)).filter(Boolean).join(', ');
    if (typeof raw === 'boolean') return raw ? 'Yes' : 'No';
    if (typeof raw === 'number') {
      if (kind === 'date') return date(raw);
      if (kind === 'datetime') return dateTime(raw);
      return number(raw);
    }
    if (typeof raw === 'string') return raw.trim();
    return String(raw);
  };

  return { context, date, dateTime, number, value };
}

/**
 * The calendar day of `ms` in `timeZone` as "YYYY-MM-DD" (e.g. for export file names).
 * The engine's calendar (Temporal), so the day is the one rules and history use.
 */
export function dayKey(ms: number, timeZone: string): string {
  return dayInTimeZone(ms, timeZone);
}

/**
 * An unambiguous, spreadsheet-friendly timestamp for CSV cells: "YYYY-MM-DD" for date-only
 * kinds, "YYYY-MM-DD HH:mm" for timestamps, both in `timeZone`; "" when missing.
 */
export function isoLocal(ms: number | null | undefined, timeZone: string, withTime: boolean): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  return wallClockIn(ms, timeZone, withTime);
}
