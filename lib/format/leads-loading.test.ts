import { describe, expect, it } from 'vitest';
import { leadsLoadingText } from './leads-loading';

describe('leadsLoadingText', () => {
  it('says how many leads of how many are loaded, never more than all of them', () => {
    expect(leadsLoadingText({ loaded: 40000, total: 120000 }, 'en')).toBe('Loading leads… 40,000 of 120,000');
    expect(leadsLoadingText({ loaded: 0, total: 250000 }, 'en')).toBe('Loading leads… 0 of 250,000');
    expect(leadsLoadingText({ loaded: 5000, total: 4000 }, 'en')).toBe('Loading leads… 5,000 of 5,000');
    expect(leadsLoadingText({ loaded: 0, total: 0 }, 'en')).toBe('Loading leads…');
  });
});
