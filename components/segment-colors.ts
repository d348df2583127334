/**
 * The editor's palette of 12 segment colours (issue 4 §4). Each is dark enough that white text on
 * it (badges) and the colour on a white page (dots, stripes) reach a 4.5:1 contrast ratio
 * (WCAG 2.x AA) — checked in segment-colors.test.ts.
 */
export const SEGMENT_COLORS: ReadonlyArray<{ name: string; hex: string }> = [
  { name: 'Blue', hex: '#2563eb' },
  { name: 'Indigo', hex: '#4f46e5' },
  { name: 'Violet', hex: '#7c3aed' },
  { name: 'Pink', hex: '#be185d' },
  { name: 'Red', hex: '#dc2626' },
  { name: 'Orange', hex: '#c2410c' },
  { name: 'Amber', hex: '#b45309' },
  { name: 'Olive', hex: '#a16207' },
  { name: 'Lime', hex: '#4d7c0f' },
  { name: 'Green', hex: '#15803d' },
  { name: 'Teal', hex: '#0f766e' },
  { name: 'Cyan', hex: '#0e7490' },
];

/** The palette entry for `hex` (case-insensitive), or undefined for a custom colour. */
export function paletteColor(hex: string): { name: string; hex: string } | undefined {
  const lower = hex.toLowerCase();
  return SEGMENT_COLORS.find((c) => c.hex === lower);
}

/** A palette colour for the n-th new segment, so consecutive segments get different colours. */
export function suggestedColor(existingCount: number): string {
  const index = ((existingCount % SEGMENT_COLORS.length) + SEGMENT_COLORS.length) % SEGMENT_COLORS.length;
  return SEGMENT_COLORS[index]!.hex;
}
