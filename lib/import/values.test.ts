import { describe, expect, it } from 'vitest';
import { detectNumberStyle, readBoolean, readNumber, splitList } from './values';

describe('value readers', () => {
  it('reads numbers with locale separators', () => {
    expect(readNumber('1,234.5', 'dot')).toBe(1234.5);
    expect(readNumber('1.234,5', 'comma')).toBe(1234.5);
    expect(readNumber('1 234,5', 'comma')).toBe(1234.5);
    expect(readNumber('1\u00a0234', 'dot')).toBe(1234);
    expect(readNumber('-0.25', 'dot')).toBe(-0.25);
    expect(readNumber('12 kg', 'dot')).toBeNull();
    expect(readNumber('1,2,3', 'dot')).toBeNull();
    expect(detectNumberStyle(['1.234,5', '7,25'])).toBe('comma');
    expect(detectNumberStyle(['1,234.5', '3.5'])).toBe('dot');
    expect(detectNumberStyle(['12', '7'])).toBe('dot');
  });

  it('reads booleans and lists', () => {
    expect(['Yes', 'TRUE', '1', 'y'].map(readBoolean)).toEqual([true, true, true, true]);
    expect(['No', 'false', '0', 'N'].map(readBoolean)).toEqual([false, false, false, false]);
    expect(readBoolean('maybe')).toBeNull();
    expect(splitList(' a; b ;;a ', ';')).toEqual(['a', 'b']);
  });
});
