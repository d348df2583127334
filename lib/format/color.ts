/**
 * Segment colours as every surface draws them (popup, side panel, badges): a stored colour is used
 * only when it is "#rrggbb" (docs/semantics.md §2: colours are validated, never interpolated
 * unvalidated into CSS), else one neutral fallback. No dependencies: the content script bundles it.
 */

/** A colour as "#rrggbb". */
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Neutral slate used when a stored colour is not a valid "#rrggbb" (white badge text on it passes WCAG AA, 4.5:1). */
export const FALLBACK_COLOR = '#64748b';

/** True when `color` is a "#rrggbb" string. */
export function isHexColor(color: unknown): color is string {
  return typeof color === 'string' && HEX_COLOR.test(color);
}

/** A segment colour safe to put in a style attribute: the value itself when it is "#rrggbb", else {@link FALLBACK_COLOR}. */
export function safeColor(color: unknown): string {
  return isHexColor(color) ? color : FALLBACK_COLOR;
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.x contrast ratio between two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
