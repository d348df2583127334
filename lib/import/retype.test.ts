import { describe, expect, it } from 'vitest';
import { detectRetypeReading, valueConverter } from './retype';

describe('valueConverter', () => {
  const reading = detectRetypeReading(['1.234,5', '12,5', 'x']);

  it('reads text as numbers with the detected separators, emptying what is not a number', () => {
    const toNumber = valueConverter('text', 'number', reading, 'UTC');
    expect(reading.numberStyle).toBe('comma');
    expect(['1.234,5', '12,5', 'twelve', '', true].map((v) => toNumber(v))).toEqual([1234.5, 12.5, null, null, 1]);
  });

  it('reads text as dates in the configured zone, and dates back as wall-clock text', () => {
    const dates = detectRetypeReading(['15 Apr, 2021 00:03:00', '3 May, 2021 12:30:59']);
    expect(dates.dateFormat).toBe('dd MMM, yyyy HH:mm:ss');
    const toDate = valueConverter('select', 'date', dates, 'Asia/Kolkata');
    expect(toDate('15 Apr, 2021 00:03:00')).toBe(Date.UTC(2021, 3, 14, 18, 33));
    expect(toDate('soon')).toBeNull();
    expect(toDate(42)).toBeNull();
    expect(valueConverter('date', 'text', dates, 'Asia/Kolkata')(Date.UTC(2021, 3, 14, 18, 33))).toBe('2021-04-15 00:03');
    expect(valueConverter('date', 'number', dates, 'UTC')(Date.UTC(2021, 3, 14))).toBeNull();
  });

  it('converts booleans, numbers and lists between each other', () => {
    expect(['Yes', 'no', 'maybe', 1, 0, 7].map(valueConverter('text', 'boolean', reading, 'UTC'))).toEqual([true, false, null, true, false, null]);
    expect(valueConverter('boolean', 'text', reading, 'UTC')(false)).toBe('false');
    const lists = detectRetypeReading(['a; b', 'c']);
    expect(lists.separator).toBe(';');
    expect(['a; b;a', 'c', 5].map(valueConverter('text', 'multiselect', lists, 'UTC'))).toEqual([['a', 'b'], ['c'], ['5']]);
    expect(valueConverter('multiselect', 'select', lists, 'UTC')(['a', 'b'])).toBe('a, b');
    expect(valueConverter('multiselect', 'number', lists, 'UTC')(['12'])).toBe(12);
    expect(valueConverter('number', 'number', lists, 'UTC')(3.5)).toBe(3.5);
  });
});
