/** Small pure helpers of the badge controller: row state, chip lists, message chunks. */
import type { BadgeSegment } from '../messaging/protocol';

/** `items` in consecutive slices of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The row's visible state: its text plus its form controls' values and whether they are disabled
 * (a status <select> is often disabled while the CRM saves it: the re-enabled row after the save
 * is one more change, so the re-fetch waits for it).
 */
export function rowSignature(row: Element): string {
  let controls = '';
  for (const control of row.querySelectorAll('select, input, textarea')) {
    const field = control as HTMLInputElement;
    controls += `|${field.value}${field.disabled ? '(disabled)' : ''}`;
  }
  return `${row.textContent ?? ''}${controls}`;
}

/** True when `a` shows exactly the chips `b` does (same segments, names, colours, order). */
export const sameChips = (a: readonly BadgeSegment[] | undefined, b: readonly BadgeSegment[]): boolean =>
  a !== undefined && a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.name === b[i]?.name && s.color === b[i]?.color);
