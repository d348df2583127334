/**
 * Strict parsers for CRM string values (docs/semantics.md §2: normalise at ingest, never guess). Each returns
 * `undefined` for empty input ("" — nothing to store), the converted value, or `null` when the
 * text cannot be converted (the caller stores null and counts it).
 */

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "12", "-3.5", "1e3" → number; "" → undefined; "1,234", "abc", "NaN" → null. */
export function parseNumberText(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!NUMBER_TEXT.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** "Yes"/"No"/"true"/"false" (any case) → boolean; "" → undefined; anything else → null. */
export function parseBooleanText(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (t === 'yes' || t === 'true') return true;
  if (t === 'no' || t === 'false') return false;
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * ISO 8601 → epoch ms. Accepts `YYYY-MM-DD` (UTC midnight) and date-times with `Z` or an offset.
 * A date-time without a zone is ambiguous and gives null, as do impossible dates ("2025-02-30")
 * and years 0000–0099 (never shifted to 1900–1999).
 */
export function parseIsoText(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = ISO_DATE.exec(t);
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  // Years 0000–0099 are not real lead dates, and Date.UTC would shift them by 1900 years (issue 9).
  if (year < 100) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hs === undefined) return Date.UTC(year, month - 1, day);
  if (zone === undefined) return null;
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** Splits a ";"-joined multi-value: pieces trimmed at the ends, empty pieces dropped ("" → []). */
export function splitListText(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
