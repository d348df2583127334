import { describe, expect, it } from 'vitest';
import { HexColor } from '../lib/schema';
import { contrastRatio } from '../lib/format/color';
import { SEGMENT_COLORS, paletteColor, suggestedColor } from './segment-colors';

describe('segment colour palette', () => {
  it('has 12 distinct valid #rrggbb colours with distinct names', () => {
    expect(SEGMENT_COLORS).toHaveLength(12);
    expect(new Set(SEGMENT_COLORS.map((c) => c.hex)).size).toBe(12);
    expect(new Set(SEGMENT_COLORS.map((c) => c.name)).size).toBe(12);
    for (const c of SEGMENT_COLORS) expect(HexColor.safeParse(c.hex).success).toBe(true);
  });

  it('every colour reaches 4.5:1 against white', () => {
    for (const c of SEGMENT_COLORS) expect(contrastRatio(c.hex, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('computes known contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('finds palette entries case-insensitively and cycles suggestions', () => {
    expect(paletteColor('#2563EB')?.name).toBe('Blue');
    expect(paletteColor('#123456')).toBeUndefined();
    expect(suggestedColor(0)).toBe('#2563eb');
    expect(suggestedColor(13)).toBe('#4f46e5');
  });
});
