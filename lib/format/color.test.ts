import { describe, expect, it } from 'vitest';
import { FALLBACK_COLOR, safeColor } from './color';

describe('safeColor', () => {
  it('keeps #rrggbb colours', () => {
    expect(safeColor('#1a2B3c')).toBe('#1a2B3c');
  });
  it('replaces anything else with the fallback', () => {
    for (const bad of ['red', '#fff', 'url(x)', '#1a2b3c;background:red', 42, undefined]) expect(safeColor(bad)).toBe(FALLBACK_COLOR);
  });
});
