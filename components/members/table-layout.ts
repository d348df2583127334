import type { MemberColumn } from '../../lib/format/member-columns';

/** Height of one member row (px). Rows have a fixed height so 100,000 of them virtualize exactly. */
export const ROW_HEIGHT = 36;
/** Height of the column header row (px). */
export const HEADER_HEIGHT = 36;
/** Height of the filter row under the headers (px). */
export const FILTER_ROW_HEIGHT = 38;

/** Width (px) of a column: wider for names and emails, narrow for numbers and yes/no. */
export function columnWidth(column: MemberColumn): number {
  switch (column.id) {
    case 'name':
      return 176;
    case 'email':
      return 224;
    case 'company':
      return 168;
    case 'campaigns':
      return 200;
  }
  switch (column.kind) {
    case 'number':
      return 112;
    case 'boolean':
      return 96;
    case 'date':
      return 124;
    case 'datetime':
      return 164;
    case 'list':
      return 180;
    default:
      return 140;
  }
}

/**
 * The scrollTop (px) that brings row `index` fully into view below a sticky header of
 * `headerHeight`, or `scrollTop` unchanged when it is already visible. Rows start right under
 * the header in scroll coordinates.
 */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, headerHeight: number): number {
  const rowTop = index * ROW_HEIGHT; // scroll position at which the row sits right under the header
  const rowBottom = headerHeight + (index + 1) * ROW_HEIGHT;
  if (rowTop < scrollTop) return rowTop;
  if (viewportHeight > 0 && rowBottom > scrollTop + viewportHeight) return rowBottom - viewportHeight;
  return scrollTop;
}

/**
 * The grid row a navigation key moves the active row to (Arrow Up/Down, Page Up/Down by `page`
 * rows, Home, End), among `count` rows with `current` active (-1: none yet); undefined for other keys.
 */
export function nextActiveIndex(key: string, current: number, count: number, page: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return current < 0 ? 0 : Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, current) + page);
    case 'PageUp':
      return Math.max(0, current - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
