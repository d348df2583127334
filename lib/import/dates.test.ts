import { describe, expect, it } from 'vitest';
import { dateReader, detectDateFormat } from './dates';

describe('date formats', () => {
  it('detects Zoho, yyyymmdd, ISO and day-first numeric dates from the values', () => {
    expect(detectDateFormat(['15 Apr, 2021 00:03:00', '3 May, 2021 12:30:59'])).toBe('dd MMM, yyyy HH:mm:ss');
    expect(detectDateFormat(['20210105', '20211231'])).toBe('yyyymmdd');
    expect(detectDateFormat(['2021-04-15', '2021-04-15T10:00:00Z'])).toBe('iso');
    expect(detectDateFormat(['4/15/2021', '12/1/2021'])).toBe('us');
    expect(detectDateFormat(['15/04/2021', '1/12/2021'])).toBe('eu');
    expect(detectDateFormat(['15.04.2021'])).toBe('eu');
    expect(detectDateFormat(['hello', 'world'])).toBeNull();
    expect(detectDateFormat([])).toBeNull();
  });

  it('reads wall-clock times in the given time zone, and rejects impossible dates', () => {
    const zoho = dateReader('dd MMM, yyyy HH:mm:ss', 'Asia/Kolkata');
    expect(zoho('15 Apr, 2021 00:03:00')).toBe(Date.UTC(2021, 3, 14, 18, 33));
    expect(dateReader('yyyymmdd', 'UTC')('20210105')).toBe(Date.UTC(2021, 0, 5));
    expect(dateReader('yyyymmdd', 'UTC')('20210230')).toBeNull();
    expect(dateReader('us', 'America/New_York')('3/10/2024 2:30')).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(dateReader('eu', 'UTC')('31/12/2021')).toBe(Date.UTC(2021, 11, 31));
    expect(dateReader('iso', 'Europe/Berlin')('2021-06-01T10:00:00')).toBe(Date.UTC(2021, 5, 1, 8));
    expect(dateReader('iso', 'Europe/Berlin')('2021-06-01T10:00:00Z')).toBe(Date.UTC(2021, 5, 1, 10));
    expect(dateReader('iso', 'UTC')('0021-06-01')).toBeNull();
    expect(dateReader('us', 'UTC')('13/1/2021')).toBeNull();
  });
});

describe('date reading does not depend on the machine time zone', () => {
  // `npm run test:zones` runs this file under several TZ values; every answer is fixed in UTC.
  it('reads wall clocks in the configured zone, across DST changes', () => {
    expect(dateReader('dd MMM, yyyy HH:mm:ss', 'Europe/Berlin')('29 Mar, 2026 02:30:00')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(dateReader('dd MMM, yyyy HH:mm:ss', 'Europe/Berlin')('25 Oct, 2026 02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(dateReader('MMM d, yyyy', 'America/Santiago')('Sept 6, 2026 3:05 PM')).toBe(Date.UTC(2026, 8, 6, 18, 5));
    expect(dateReader('yyyymmdd', 'Asia/Kathmandu')('20240101')).toBe(Date.UTC(2023, 11, 31, 18, 15));
    expect(dateReader('eu', 'Asia/Beirut')('1.7.2024 12:00')).toBe(Date.UTC(2024, 6, 1, 9));
    expect(dateReader('us', 'UTC')('12-31-2021')).toBe(Date.UTC(2021, 11, 31));
    expect(dateReader('yyyy/mm/dd', 'America/New_York')('2021/1/2 23:59:59')).toBe(Date.UTC(2021, 0, 3, 4, 59, 59));
    expect(dateReader('iso', 'Asia/Kathmandu')('2021-06-01T10:00:00.5+05:30')).toBe(Date.UTC(2021, 5, 1, 4, 30, 0, 500));
    expect(dateReader('iso', 'Asia/Kathmandu')('2021-06-01')).toBe(Date.UTC(2021, 4, 31, 18, 15));
  });

  it('rejects impossible times and out-of-range years instead of guessing', () => {
    expect(dateReader('dd MMM, yyyy HH:mm:ss', 'UTC')('15 Apr, 2021 24:00:00')).toBeNull();
    expect(dateReader('MMM d, yyyy', 'UTC')('Apr 15, 2021 13:00 PM')).toBeNull();
    expect(dateReader('dd MMM, yyyy HH:mm:ss', 'UTC')('15 Foo, 2021')).toBeNull();
    expect(dateReader('yyyymmdd', 'UTC')('18991231')).toBeNull();
    expect(dateReader('iso', 'UTC')('2021-02-29')).toBeNull();
  });
});
