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
