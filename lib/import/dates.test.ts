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
