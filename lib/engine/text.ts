/**
 * Text normalisation for rule comparison (docs/semantics.md §3 rule 3): trim, collapse runs of internal white
 * space to one space, Unicode NFKC, then `toLowerCase()`. Accents stay significant ("é" ≠ "e").
 *
 * The steps run in the documented order (docs/semantics.md §3 rule 3). For ASCII input NFKC is the identity, so ASCII strings take a
 * fast path: an already-normal string is returned as is (no allocation); others are normalised once
 * and remembered in a small bounded memo, because lead values repeat heavily ("Google", "India").
 */

/** True for the ASCII characters JavaScript's `\s` and `String#trim` treat as white space. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

const MEMO_LIMIT = 4096;
const MEMO_MAX_LENGTH = 200;
const memo = new Map<string, string>();

/** Lead value shapes found by the ASCII scan of {@link normalizeText}. */
const CLEAN = 0; // ASCII, lower case, single inner spaces: already normal
const UPPER_ONLY = 1; // ASCII with upper case letters, white space already normal
const OTHER = 2; // anything else: the full normalisation pipeline

function scan(text: string): number {
  const length = text.length;
  let kind = CLEAN;
  let previousSpace = true; // a space at the start is not normal
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (code >= 9 && code <= 13)) return OTHER;
    if (code === 32) {
      if (previousSpace) return OTHER;
      previousSpace = true;
    } else {
      if (code >= 65 && code <= 90) kind = UPPER_ONLY;
      previousSpace = false;
    }
  }
  return previousSpace && length > 0 ? OTHER : kind;
}

/**
 * Normalises `text` for comparison (docs/semantics.md §3 rule 3). The result is `""` exactly when `text` is
 * empty or white space only. Pure; results are memoised (bounded) for short non-normal strings.
 */
export function normalizeText(text: string): string {
  const kind = scan(text);
  if (kind === CLEAN) return text;
  if (text.length > MEMO_MAX_LENGTH) return kind === UPPER_ONLY ? text.toLowerCase() : normalizeFully(text);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const normal = kind === UPPER_ONLY ? text.toLowerCase() : normalizeFully(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, normal);
  return normal;
}

/** The docs/semantics.md §3 rule 3 pipeline, in its order: trim, collapse white space, NFKC, lower case. */
function normalizeFully(text: string): string {
  return text.trim().replace(/\s+/g, ' ').normalize('NFKC').toLowerCase();
}

/** True when `text` is empty or white space only (docs/semantics.md §3 rule 1). Allocation-free for ASCII. */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isAsciiSpace(code)) continue;
    if (code < 128) return false;
    return text.trim() === '';
  }
  return true;
}

/** True when every character of `text` is ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * `normalizeText(text) === target` for a normalised, pure-ASCII `target`, comparing in place:
 * no allocation or hashing while `text` is ASCII, and most non-matches stop at the first
 * character. Sound because ASCII is NFKC-stable and nothing non-ASCII can normalise into an
 * earlier ASCII position; any non-ASCII character in `text` falls back to full normalisation.
 */
export function equalsAsciiNormal(text: string, target: string): boolean {
  const length = text.length;
  const targetLength = target.length;
  let i = 0;
  while (i < length && isAsciiSpace(text.charCodeAt(i))) i++;
  let j = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code >= 128) return normalizeText(text) === target;
    if (isAsciiSpace(code)) {
      let k = i + 1;
      while (k < length && isAsciiSpace(text.charCodeAt(k))) k++;
      if (k === length) break; // trailing white space is trimmed
      if (text.charCodeAt(k) >= 128) return normalizeText(text) === target; // may be more white space
      code = 32;
      i = k;
    } else {
      if (code >= 65 && code <= 90) code += 32;
      i++;
    }
    if (j === targetLength || target.charCodeAt(j) !== code) return false;
    j++;
  }
  return j === targetLength;
}
