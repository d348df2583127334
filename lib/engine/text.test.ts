import { describe, expect, it } from 'vitest';
import { isBlankText, normalizeText } from './text';

describe('normalizeText (docs/semantics.md §3 rule 3)', () => {
  it.each([
    ['google', 'google'], // already normal: returned as is
    ['Google', 'google'],
    [' google ', 'google'],
    ['GOOGLE', 'google'],
    ['Interested  in full time MBA', 'interested in full time mba'],
    ['\tOlark\n\nChat  ', 'olark chat'],
    ['a\u00a0\u3000b', 'a b'], // non-ASCII white space collapses too
    ['ﬁle', 'file'], // NFKC ligature
    ['ＧＯＯＧＬＥ', 'google'], // NFKC full-width
    ['Cafe\u0301', 'café'], // NFKC composes the combining accent
    ['CAFÉ', 'café'],
    ['café', 'café'], // accents stay
    ['İ', 'i\u0307'], // toLowerCase, not locale-specific
    ['', ''],
    ['   ', ''],
    ['\u00a0\u3000', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('returns the same result when called again (memoised path)', () => {
    const input = ` Mixed\tCase ${'x'.repeat(3)} `;
    expect(normalizeText(input)).toBe('mixed case xxx');
    expect(normalizeText(input)).toBe('mixed case xxx');
  });

  it('handles long values (not memoised)', () => {
    const long = `${'Ab '.repeat(200)}  `;
    expect(normalizeText(long)).toBe('ab '.repeat(199) + 'ab');
    expect(normalizeText('A'.repeat(500))).toBe('a'.repeat(500));
  });

  it('never confuses distinct texts', () => {
    expect(normalizeText('cafe')).not.toBe(normalizeText('café'));
    expect(normalizeText('ß')).not.toBe(normalizeText('ss'));
  });
});

describe('isBlankText (docs/semantics.md §3 rule 1)', () => {
  it.each([
    ['', true],
    [' \t\n\r\v\f', true],
    ['\u00a0\u2007\u3000\ufeff', true],
    ['a', false],
    ['  a ', false],
    ['\u00a0é', false],
    ['\u200b', false], // zero-width space is not white space in JavaScript
  ])('%j → %s', (input, expected) => {
    expect(isBlankText(input)).toBe(expected);
  });
});
