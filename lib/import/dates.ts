import { isValid, parse, parseISO } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { DateFormatId } from './plan';

/**
 * date-fns patterns tried for each date format, in order. A value that matches none of its
 * format's patterns is unreadable (stored empty and counted), never guessed.
 */
const PATTERNS: Readonly<Record<Exclude<DateFormatId, 'iso'>, readonly string[]>> = {
  yyyymmdd: ['yyyyMMdd'],
  'dd MMM, yyyy HH:mm:ss': ['d MMM, yyyy HH:mm:ss', 'd MMM, yyyy HH:mm', 'd MMM, yyyy', 'd MMM yyyy HH:mm:ss', 'd MMM yyyy'],
  'MMM d, yyyy': ['MMM d, yyyy', 'MMM d, yyyy h:mm a', 'MMM d, yyyy HH:mm:ss', 'MMM d, yyyy HH:mm'],
  us: ['M/d/yyyy', 'M/d/yyyy H:mm', 'M/d/yyyy H:mm:ss', 'M/d/yyyy h:mm a', 'M/d/yyyy h:mm:ss a', 'M-d-yyyy'],
  eu: ['d/M/yyyy', 'd/M/yyyy H:mm', 'd/M/yyyy H:mm:ss', 'd.M.yyyy', 'd.M.yyyy H:mm', 'd.M.yyyy H:mm:ss', 'd-M-yyyy'],
  'yyyy/mm/dd': ['yyyy/M/d', 'yyyy/M/d H:mm', 'yyyy/M/d H:mm:ss'],
};

/** A cheap shape check per format: text that fails it is not tried with date-fns at all. */
const SHAPES: Readonly<Record<Exclude<DateFormatId, 'iso'>, RegExp>> = {
  yyyymmdd: /^\d{8}$/,
  'dd MMM, yyyy HH:mm:ss': /^\d{1,2} \p{L}{3,},? \d{4}/u,
  'MMM d, yyyy': /^\p{L}{3,} \d{1,2}, \d{4}/u,
  us: /^\d{1,2}[/-]\d{1,2}[/-]\d{4}/,
  eu: /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/,
  'yyyy/mm/dd': /^\d{4}\/\d{1,2}\/\d{1,2}/,
};

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

/** Distinct texts a reader remembers (exports repeat dates a lot; date-fns `parse` is slow). */
const CACHE_LIMIT = 20_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const REFERENCE = new Date(0);
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A reader of one date format in one IANA time zone: text → epoch ms, or `null` when the text
 * does not match the format (or names a year outside 1900–2200). Values without an offset are
 * wall-clock times in `timeZone` (date-fns + @date-fns/tz do the calendar work). The reader
 * remembers which pattern matched last and tries it first (columns are uniform), and the result
 * of each distinct text (up to 20,000).
 */
export function dateReader(format: DateFormatId, timeZone: string): (text: string) => number | null {
  const read = uncachedReader(format, timeZone);
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

function uncachedReader(format: DateFormatId, timeZone: string): (text: string) => number | null {
  const zone = tz(timeZone);
  const inRange = (date: Date): number | null => {
    if (!isValid(date)) return null;
    const year = date.getFullYear();
    return year >= MIN_YEAR && year <= MAX_YEAR ? date.getTime() : null;
  };
  if (format === 'iso') {
    return (text) => (ISO_SHAPE.test(text) ? inRange(parseISO(text, { in: zone })) : null);
  }
  const patterns = [...PATTERNS[format]];
  const shape = SHAPES[format];
  return (text) => {
    if (!shape.test(text)) return null;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i] as string;
      const ms = inRange(parse(text, pattern, REFERENCE, { in: zone }));
      if (ms === null) continue;
      if (i > 0) patterns.splice(0, 0, ...patterns.splice(i, 1));
      return ms;
    }
    return null;
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
