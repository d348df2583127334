/**
 * Keeping the user's place in a fixed-row-height list when its rows change underneath (members
 * joining or leaving while the side panel is open): the first row at the top of the viewport is
 * the anchor, and after the change the list scrolls so that row is where it was.
 */

/** The row at the top of the viewport and how far (px) the viewport starts into it. */
export interface ScrollAnchor {
  /** Keys of the anchor row and of the rows after it (fallbacks if the anchor itself left). */
  keys: string[];
  /** Pixels from the anchor row's top to the viewport's top (0 ≤ delta < rowHeight). */
  delta: number;
}

/** How many following rows are remembered as fallbacks when the anchor row leaves. */
const FALLBACK_ROWS = 20;

/** The keys of a list's rows: an array, or anything that can give a few of them (a long list read row by row). */
export interface ListKeys {
  readonly length: number;
  slice(start: number, end: number): string[];
}

/**
 * The anchor for a list of `keys` scrolled to `offset` px (measured from the first row's top),
 * or null for an empty list / top of the list (nothing to keep).
 */
export function captureAnchor(keys: ListKeys, offset: number, rowHeight: number): ScrollAnchor | null {
  if (keys.length === 0 || offset <= 0 || rowHeight <= 0) return null;
  const index = Math.min(Math.floor(offset / rowHeight), keys.length - 1);
  return { keys: keys.slice(index, index + FALLBACK_ROWS), delta: offset - index * rowHeight };
}

/**
 * The offset (px) that puts the anchor back at the top after the rows changed to `keys`:
 * the anchor row's new position plus the old delta; if the anchor row left, the first remaining
 * fallback row's position; null when none of them is still listed (keep the pixel offset).
 */
export function restoreOffset(anchor: ScrollAnchor, indexOf: (key: string) => number | undefined, rowHeight: number): number | null {
  for (let i = 0; i < anchor.keys.length; i++) {
    const index = indexOf(anchor.keys[i]!);
    if (index === undefined) continue;
    return i === 0 ? index * rowHeight + anchor.delta : index * rowHeight;
  }
  return null;
}
