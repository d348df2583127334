import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago';

const NOW = Date.UTC(2025, 4, 20, 12, 0, 0);

describe('timeAgo', () => {
  it('says "just now" for the first minute and for future times, then "1 minute ago"', () => {
    expect(timeAgo(NOW - 10_000, NOW)).toBe('just now');
    expect(timeAgo(NOW - 59_999, NOW)).toBe('just now');
    expect(timeAgo(NOW - 60_000, NOW)).toBe('1 minute ago');
    expect(timeAgo(NOW + 60_000, NOW)).toBe('just now');
  });

  it('rounds down to whole units', () => {
    expect(timeAgo(NOW - 5 * 60_000 - 59_000, NOW)).toBe('5 minutes ago');
    expect(timeAgo(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(timeAgo(NOW - 2 * 86_400_000 - 1, NOW)).toBe('2 days ago');
    expect(timeAgo(NOW - 61_000, NOW)).toBe('1 minute ago');
  });
});
