import { describe, expect, it } from 'vitest';
import { syncInProgressText } from './sync-progress';

describe('syncInProgressText', () => {
  it('says how many leads are stored so far, of the total when known', () => {
    expect(syncInProgressText({ stored: 4000, total: 9240 }, 'en')).toBe('Sync in progress: 4,000 of 9,240 leads stored so far');
    expect(syncInProgressText({ stored: 4000 }, 'en')).toBe('Sync in progress: 4,000 leads stored so far');
    expect(syncInProgressText({ stored: 1 }, 'en')).toBe('Sync in progress: 1 lead stored so far');
    expect(syncInProgressText({ stored: 0, total: 1 }, 'en')).toBe('Sync in progress: 0 of 1 lead stored so far');
  });

  it('never shows more stored than the total', () => {
    expect(syncInProgressText({ stored: 9300, total: 9240 }, 'en')).toBe('Sync in progress: 9,240 of 9,240 leads stored so far');
  });
});
