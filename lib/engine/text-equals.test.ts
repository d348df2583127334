import { describe, expect, it } from 'vitest';
import { equalsAsciiNormal, isAscii, normalizeText } from './text';

describe('equalsAsciiNormal agrees with normalizeText(text) === target', () => {
  const targets = ['google', 'olark chat', 'a', 'file'];
  const texts = [
    'google', 'Google', ' GOOGLE ', 'goo gle', 'googl', 'googles', 'google \u00a0', '\u00a0google', 'google\u0301', 'ＧＯＯＧＬＥ',
    'olark  chat', 'Olark\t\nChat', 'olark \u00a0chat', 'olark\u2003chat', 'olarkchat', 'ﬁle', 'FILE ', 'A', ' a', '', '   ', 'K\u212a',
  ];
  for (const target of targets) {
    it.each(texts)(`%j vs ${target}`, (text) => {
      expect(equalsAsciiNormal(text, target)).toBe(normalizeText(text) === target);
    });
  }

  it('isAscii', () => {
    expect(isAscii('Google 123 !~')).toBe(true);
    expect(isAscii('Café')).toBe(false);
    expect(isAscii('')).toBe(true);
  });
});
