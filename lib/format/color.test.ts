import { describe, expect, it } from 'vitest';
import { contrastRatio, FALLBACK_COLOR, isHexColor, safeColor } from './color';

describe('safeColor', () => {
  it('keeps #rrggbb colours', () => {
    expect(safeColor('#1a2B3c')).toBe('#1a2B3c');
  });
  it('replaces anything else with the fallback', () => {
    for (const bad of ['red', '#fff', 'url(x)', '#1a2b3c;background:red', 42, undefined]) expect(safeColor(bad)).toBe(FALLBACK_COLOR);
  });
});

describe('the fallback colour', () => {
  it('carries white badge text at WCAG AA contrast', () => {
    expect(contrastRatio(FALLBACK_COLOR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(isHexColor(FALLBACK_COLOR)).toBe(true);
  });
});
