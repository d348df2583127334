import { describe, expect, it } from 'vitest';
import { parseBooleanText, parseIsoText, parseNumberText, splitListText } from './value-parsers';

describe('parseNumberText', () => {
  it('converts plain decimal text', () => {
    expect(parseNumberText('5')).toBe(5);
    expect(parseNumberText(' 2.5 ')).toBe(2.5);
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('1e3')).toBe(1000);
  });
  it('treats blank as empty and refuses anything it would have to guess', () => {
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('   ')).toBeUndefined();
    for (const text of ['1,234', 'abc', 'NaN', 'Infinity', '12px', '0x10', '1e999', '--1']) expect(parseNumberText(text)).toBeNull();
  });
});

describe('parseBooleanText', () => {
  it('reads Yes/No and true/false in any case', () => {
    expect(parseBooleanText('Yes')).toBe(true);
    expect(parseBooleanText('no')).toBe(false);
    expect(parseBooleanText('TRUE')).toBe(true);
    expect(parseBooleanText('false')).toBe(false);
    expect(parseBooleanText('')).toBeUndefined();
    expect(parseBooleanText('Maybe')).toBeNull();
    expect(parseBooleanText('1')).toBeNull();
  });
});

describe('parseIsoText', () => {
  it('gives null for years 0000–0099 instead of shifting them by 1900 years (issue 9 item 12)', () => {
    for (const text of ['0000-01-01', '0001-01-01T00:00:00Z', '0023-05-01T10:00:00.000Z', '0099-12-31', '0050-06-15T12:00:00+02:00']) {
      expect(parseIsoText(text)).toBeNull();
    }
    expect(parseIsoText('0100-01-01')).toBe(Date.parse('0100-01-01T00:00:00Z'));
    expect(new Date(parseIsoText('0100-03-01T00:00:00Z')!).getUTCFullYear()).toBe(100);
  });

  it('reads UTC and offset date-times and plain dates', () => {
    expect(parseIsoText('2025-06-01T00:00:00.000Z')).toBe(Date.UTC(2025, 5, 1));
    expect(parseIsoText('2025-06-01T05:30:00+05:30')).toBe(Date.UTC(2025, 5, 1));
    expect(parseIsoText('2025-05-31T19:00-0500')).toBe(Date.UTC(2025, 5, 1));
    expect(parseIsoText('2025-06-01T12:34:56.7891Z')).toBe(Date.UTC(2025, 5, 1, 12, 34, 56, 789));
    expect(parseIsoText('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
  it('refuses impossible dates, zone-less date-times and other formats', () => {
    expect(parseIsoText('')).toBeUndefined();
    for (const text of ['2025-02-29', '2025-13-01', '2025-06-01T24:00:00Z', '2025-06-01T10:00:00', '06/01/2025', 'yesterday', '2025-6-1'])
      expect(parseIsoText(text)).toBeNull();
  });
});

describe('splitListText', () => {
  it('splits on ";", keeps inner spacing and drops empty pieces', () => {
    expect(splitListText('Interested  in full time MBA;do-not-email')).toEqual(['Interested  in full time MBA', 'do-not-email']);
    expect(splitListText(' a ; ;b;')).toEqual(['a', 'b']);
    expect(splitListText('')).toEqual([]);
  });
});
