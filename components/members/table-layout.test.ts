import { describe, expect, it } from 'vitest';
import { memberColumns } from '../../lib/format/member-columns';
import { columnWidth, HEADER_HEIGHT, ROW_HEIGHT, scrollTopToReveal } from './table-layout';

describe('scrollTopToReveal', () => {
  const viewport = HEADER_HEIGHT + 10 * ROW_HEIGHT; // ten rows visible under the header

  it('keeps the position when the row is visible', () => {
    expect(scrollTopToReveal(3, 0, viewport, HEADER_HEIGHT)).toBe(0);
    expect(scrollTopToReveal(9, 0, viewport, HEADER_HEIGHT)).toBe(0);
  });

  it('scrolls down just enough to show a row below the viewport', () => {
    expect(scrollTopToReveal(10, 0, viewport, HEADER_HEIGHT)).toBe(ROW_HEIGHT);
    expect(scrollTopToReveal(25, 0, viewport, HEADER_HEIGHT)).toBe(16 * ROW_HEIGHT);
  });

  it('scrolls up so a row hidden under the sticky header shows right below it', () => {
    expect(scrollTopToReveal(4, 5 * ROW_HEIGHT + 7, viewport, HEADER_HEIGHT)).toBe(4 * ROW_HEIGHT);
  });
});

describe('columnWidth', () => {
  it('gives names and emails more room than numbers', () => {
    const columns = memberColumns([{ key: 'visits', label: 'Visits', type: 'number' }]);
    const width = (id: string) => columnWidth(columns.find((c) => c.id === id)!);
    expect(width('email')).toBeGreaterThan(width('custom.visits'));
    expect(width('name')).toBeGreaterThan(width('status'));
  });
});
