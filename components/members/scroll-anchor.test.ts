import { describe, expect, it } from 'vitest';
import { captureAnchor, restoreOffset } from './scroll-anchor';

const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
const indexIn = (list: string[]) => {
  const map = new Map(list.map((k, i) => [k, i]));
  return (key: string) => map.get(key);
};

describe('scroll anchor', () => {
  it('captures the row at the top and the offset into it', () => {
    expect(captureAnchor(keys, 10 * 32 + 5, 32)).toMatchObject({ delta: 5, keys: expect.arrayContaining(['k10', 'k11']) });
    expect(captureAnchor(keys, 10 * 32 + 5, 32)?.keys[0]).toBe('k10');
    expect(captureAnchor(keys, 0, 32)).toBeNull();
    expect(captureAnchor([], 100, 32)).toBeNull();
  });

  it('keeps the anchor row in place when rows above it join or leave', () => {
    const anchor = captureAnchor(keys, 10 * 32 + 5, 32)!;
    const withoutTwoAbove = keys.filter((k) => k !== 'k1' && k !== 'k2');
    expect(restoreOffset(anchor, indexIn(withoutTwoAbove), 32)).toBe(8 * 32 + 5);
    const withThreeAbove = ['n1', 'n2', 'n3', ...keys];
    expect(restoreOffset(anchor, indexIn(withThreeAbove), 32)).toBe(13 * 32 + 5);
  });

  it('falls back to the next remaining row when the anchor row leaves', () => {
    const anchor = captureAnchor(keys, 10 * 32 + 5, 32)!;
    const withoutAnchor = keys.filter((k) => k !== 'k10');
    expect(restoreOffset(anchor, indexIn(withoutAnchor), 32)).toBe(10 * 32);
  });

  it('gives up when none of the remembered rows is left', () => {
    const anchor = captureAnchor(keys, 10 * 32, 32)!;
    expect(restoreOffset(anchor, indexIn(['other']), 32)).toBeNull();
  });
});
