import Papa from 'papaparse';
import { dayKey } from '../format/value';

/** UTF-8 byte order mark: makes Excel read the file as UTF-8 (accents, non-Latin names). */
export const BOM = '\uFEFF';

/** First characters that make spreadsheets treat a cell as a formula (docs/semantics.md §9). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Look-alikes of those characters that spreadsheets (notably in CJK locales, which fold
 * full-width input) may also read as a formula start (issue 9 item 8): full-width ＝ ＋ － ＠ ｜
 * (U+FF1D, U+FF0B, U+FF0D, U+FF20, U+FF5C), the minus sign − (U+2212) and heavy ➕ ➖
 * (U+2795, U+2796). Small forms (﹦ ﹢ ﹣ ﹫) and super/subscripts (⁺ ₊ ⁼) are caught by NFKC folding.
 */
const LOOK_ALIKE_START = /^[\uFF1D\uFF0B\uFF0D\uFF20\uFF5C\u2212\u2795\u2796]/;

/** True when `value` starts with a formula trigger or a look-alike of one (also after NFKC folding). */
function startsLikeFormula(value: string): boolean {
  if (FORMULA_START.test(value) || LOOK_ALIKE_START.test(value)) return true;
  const first = String.fromCodePoint(value.codePointAt(0) ?? 32).normalize('NFKC');
  return FORMULA_START.test(first);
}

/**
 * Neutralises formula injection in one CSV cell (docs/semantics.md §9): a string starting with `=`, `+`, `-`,
 * `@`, tab or carriage return — or a look-alike of one (full-width ＝ ＋ － ＠, small forms, the
 * minus sign −, anything NFKC folds to them) — gets a leading `'`, so spreadsheets show it as text.
 *
 * Numbers are returned unchanged: a finite JS number prints as digits, an optional leading `-`,
 * `.` and an exponent, which a spreadsheet reads as that number and never as a formula; prefixing
 * `-5` would corrupt numeric data. The rule applies literally to every string, so the text "-5"
 * (e.g. from a text field) is prefixed. Non-finite numbers become "".
 */
export function neutraliseCell(value: string | number): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return startsLikeFormula(value) ? `'${value}` : value;
}

/**
 * Builds a CSV document: header row then one row per record, every cell neutralised
 * ({@link neutraliseCell}), quoted by papaparse where needed, CRLF line ends, prefixed with a
 * UTF-8 BOM. `rows[i].length` should equal `header.length`.
 */
export function buildCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const data = [header.map(neutraliseCell), ...rows.map((row) => row.map(neutraliseCell))];
  return BOM + Papa.unparse(data, { newline: '\r\n', escapeFormulae: false });
}

/**
 * A file-system-safe slug of a segment name: letters and digits of any script kept (lower case),
 * every other run of characters (spaces, punctuation, path separators, control characters)
 * becomes one "-", no leading/trailing "-" or ".", at most 60 characters; "segment" when
 * nothing is left.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = Array.from(slug).slice(0, 60).join('').replace(/-+$/, '');
  return cut === '' ? 'segment' : cut;
}

/**
 * The export file name `{segment-name}-{YYYY-MM-DD}.csv` (issue 5), the name slugified and the
 * date the user's calendar day at `now` (epoch ms) in `timeZone`.
 */
export function csvFileName(segmentName: string, now: number, timeZone: string): string {
  return `${slugify(segmentName)}-${dayKey(now, timeZone)}.csv`;
}
