import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, pluralWord, signedChange } from './number';
import { createFormatter } from './value';

describe('the shared number format', () => {
  it('groups digits and keeps at most two decimals', () => {
    expect(formatNumber(9240, 'en-US')).toBe('9,240');
    expect(formatNumber(1234567.891, 'en-US')).toBe('1,234,567.89');
    expect(formatNumber(9240, 'de-DE')).toBe('9.240');
    expect(formatNumber(Number.NaN, 'en-US')).toBe('');
    expect(formatNumber(undefined)).toBe('');
  });

  it('counts with singular and plural words', () => {
    expect(formatCount(9240, 'lead', 'leads', 'en-US')).toBe('9,240 leads');
    expect(formatCount(1, 'lead', 'leads', 'en-US')).toBe('1 lead');
    expect(formatCount(0, 'segment', 'segments', 'en-US')).toBe('0 segments');
    expect(formatCount(1.5, 'value', 'values', 'en-US')).toBe('1.5 values');
    expect([0, 1, 2].map((n) => pluralWord(n, 'is', 'are'))).toEqual(['are', 'is', 'are']);
    expect([signedChange(4, '+'), signedChange(1200, '−'), signedChange(0, '−'), signedChange(-0, '+')]).toEqual(['+4', '−1,200', '0', '0']);
  });

  it('is the format the side panel’s value formatter uses', () => {
    const formatter = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    for (const n of [0, 7, 9240, 43033.5, 1e6]) expect(formatter.number(n)).toBe(formatNumber(n, 'en-US'));
  });

  it('falls back to the default locale for a locale Intl rejects', () => {
    expect(formatNumber(9240, 'not a locale!!')).toBe(formatNumber(9240, undefined));
  });
});
