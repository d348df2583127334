import { describe, expect, it } from 'vitest';
import { conversionOf, conversionRateText, convertedStatusTest, formatRate, statusCounts } from './conversion';
import { DEFAULT_CONVERTED_STATUSES } from '../db/analysis-settings';

describe('conversion rate', () => {
  it('is the share of members whose status is a converted one', () => {
    const statuses = ['Converted', 'New', 'Won', 'Contacted', 'Customer', undefined, 'Lost', 'New'];
    expect(conversionOf(statuses, DEFAULT_CONVERTED_STATUSES)).toEqual({ members: 8, converted: 3, rate: 3 / 8 });
  });

  it('compares statuses as rule text does: trimmed and case-insensitive', () => {
    const isConverted = convertedStatusTest([' won ', 'CUSTOMER']);
    expect(['Won', 'won', 'customer', ' Customer', 'Wonderful', undefined].map(isConverted)).toEqual([true, true, true, true, false, false]);
  });

  it('has no rate without members', () => {
    expect(conversionOf([], DEFAULT_CONVERTED_STATUSES)).toEqual({ members: 0, converted: 0, rate: null });
    expect(conversionRateText(null, 'en-US')).toBe('Conversion rate —');
  });

  it('reads "Conversion rate N.N%" with one decimal', () => {
    expect(conversionRateText(1 / 3, 'en-US')).toBe('Conversion rate 33.3%');
    expect(conversionRateText(0, 'en-US')).toBe('Conversion rate 0.0%');
    expect(conversionRateText(1, 'en-US')).toBe('Conversion rate 100.0%');
    expect(conversionRateText(0.38545, 'en-US')).toBe('Conversion rate 38.5%');
    expect(formatRate(2 / 3, 'de-DE')).toBe('66,7\u00a0%');
  });
});

describe('statusCounts', () => {
  it('counts distinct statuses, most common first, skipping empty ones', () => {
    expect(statusCounts(['New', 'Won', 'New', undefined, ' ', 'Contacted', 'Won', 'New'])).toEqual([
      { value: 'New', count: 3 },
      { value: 'Won', count: 2 },
      { value: 'Contacted', count: 1 },
    ]);
  });
});
