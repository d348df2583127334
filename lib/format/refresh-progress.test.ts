import { describe, expect, it } from 'vitest';
import { refreshProgressText } from './refresh-progress';

describe('refreshProgressText', () => {
  it('says how many leads of how many are checked, grouped', () => {
    expect(refreshProgressText({ processed: 4000, total: 9240 }, 'en-US')).toBe('Refreshing… 4,000 of 9,240 leads checked');
  });

  it('never shows more checked than the total', () => {
    expect(refreshProgressText({ processed: 12, total: 10 }, 'en-US')).toBe('Refreshing… 10 of 10 leads checked');
  });

  it('uses the singular for one lead', () => {
    expect(refreshProgressText({ processed: 0, total: 1 }, 'en-US')).toBe('Refreshing… 0 of 1 lead checked');
  });

  it('says only "Refreshing…" before a job with a total exists', () => {
    expect(refreshProgressText(undefined)).toBe('Refreshing…');
    expect(refreshProgressText({ processed: 0, total: 0 })).toBe('Refreshing…');
  });
});
