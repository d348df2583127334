import { describe, expect, it } from 'vitest';
import { createFormatter, dayKey, isEmptyValue, isoLocal } from './value';

// 2024-03-05T23:30:00Z: still March 5 in New York, already March 6 in Tokyo.
const LATE_EVENING_UTC = Date.UTC(2024, 2, 5, 23, 30);

describe('createFormatter', () => {
  it('formats dates as the calendar day in the given time zone', () => {
    expect(createFormatter({ locale: 'en-US', timeZone: 'America/New_York' }).date(LATE_EVENING_UTC)).toBe('Mar 5, 2024');
    expect(createFormatter({ locale: 'en-US', timeZone: 'Asia/Tokyo' }).date(LATE_EVENING_UTC)).toBe('Mar 6, 2024');
    expect(createFormatter({ locale: 'de-DE', timeZone: 'Asia/Tokyo' }).date(LATE_EVENING_UTC)).toBe('06.03.2024');
  });

  it('formats date-times with the local clock time', () => {
    const text = createFormatter({ locale: 'en-US', timeZone: 'Asia/Tokyo' }).dateTime(LATE_EVENING_UTC);
    expect(text).toMatch(/^Mar 6, 2024.*8:30\sAM$/);
  });

  it('localises numbers', () => {
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).number(1234.5)).toBe('1,234.5');
    expect(createFormatter({ locale: 'de-DE', timeZone: 'UTC' }).number(1234.5)).toBe('1.234,5');
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).number(2 / 3)).toBe('0.67');
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).number(-5)).toBe('-5');
  });

  it('formats values by kind: booleans, lists, dates, numbers, text, empty', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    expect(f.value(true, 'boolean')).toBe('Yes');
    expect(f.value(false, 'boolean')).toBe('No');
    expect(f.value(['Hot', ' ebook ', ''], 'list')).toBe('Hot, ebook');
    expect(f.value(Date.UTC(2023, 11, 31, 12), 'date')).toBe('Dec 31, 2023');
    expect(f.value(1500, 'number')).toBe('1,500');
    expect(f.value('  Google ', 'text')).toBe('Google');
    for (const empty of [undefined, null, '', '   ', [], Number.NaN]) expect(f.value(empty, 'text')).toBe('');
  });

  it('returns "" for missing or invalid times and numbers', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    expect(f.date(undefined)).toBe('');
    expect(f.date(Number.NaN)).toBe('');
    expect(f.dateTime(null)).toBe('');
    expect(f.number(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('rejects an unknown time zone', () => {
    expect(() => createFormatter({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('isEmptyValue', () => {
  it('follows docs/semantics.md §3 rule 1', () => {
    expect([undefined, null, '', ' \t', [], Number.NaN].map(isEmptyValue)).toEqual([true, true, true, true, true, true]);
    expect([0, false, 'x', ['a']].map(isEmptyValue)).toEqual([false, false, false, false]);
  });
});

describe('dayKey / isoLocal', () => {
  it('gives the calendar day in the zone', () => {
    expect(dayKey(LATE_EVENING_UTC, 'America/New_York')).toBe('2024-03-05');
    expect(dayKey(LATE_EVENING_UTC, 'Asia/Tokyo')).toBe('2024-03-06');
  });
  it('gives spreadsheet-friendly timestamps', () => {
    expect(isoLocal(LATE_EVENING_UTC, 'Asia/Tokyo', true)).toBe('2024-03-06 08:30');
    expect(isoLocal(LATE_EVENING_UTC, 'UTC', false)).toBe('2024-03-05');
    expect(isoLocal(undefined, 'UTC', true)).toBe('');
  });
});
