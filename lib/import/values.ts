import type { NumberStyle } from './plan';

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPING_SPACES = /[\s\u00a0\u202f']/g;

/**
 * Reads a number written with locale separators: `dot` style "1,234.5" (commas group thousands),
 * `comma` style "1.234,5" or "1 234,5" (comma is the decimal mark). Spaces, no-break spaces and
 * apostrophes group digits in both. Returns `null` for anything else ("12 kg", "1,2,3.4.5").
 */
export function readNumber(text: string, style: NumberStyle): number | null {
  let t = text.replace(GROUPING_SPACES, '');
  if (style === 'dot') t = t.replace(/,(?=\d{3}(?:\D|$))/g, '');
  else t = t.replace(/\.(?=\d{3}(?:\D|$))/g, '').replace(',', '.');
  if (!NUMBER_TEXT.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The decimal style of a column's values: `comma` when they use "," as the decimal mark, else `dot`. */
export function detectNumberStyle(samples: readonly string[]): NumberStyle {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    if (/^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s) || /^[+-]?\d+,\d{1,2}$/.test(s) || /^[+-]?\d+,\d{4,}$/.test(s)) comma++;
    else if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s) || /^[+-]?\d*\.\d+$/.test(s)) dot++;
  }
  return comma > dot ? 'comma' : 'dot';
}

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n']);

/** Yes/No, true/false, 1/0, Y/N (any case) → boolean; anything else → `null`. */
export function readBoolean(text: string): boolean | null {
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

/** Splits a multi-value cell on `separator`; pieces trimmed, empty ones dropped, duplicates removed. */
export function splitList(text: string, separator: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(separator)) {
    const value = piece.trim();
    if (value !== '' && !out.includes(value)) out.push(value);
  }
  return out;
}
