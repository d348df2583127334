/** Neutral grey used when a stored colour is not a valid "#rrggbb". */
export const FALLBACK_COLOR = '#8a94a6';

/**
 * A segment colour safe to put in a style attribute: the value itself when it is "#rrggbb"
 * (docs/semantics.md §2: colours are validated, never interpolated unvalidated into CSS), else a neutral grey.
 */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : FALLBACK_COLOR;
}
