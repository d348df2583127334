import { describe, expect, it } from 'vitest';
import { cachedRead } from './cached-read';

describe('cachedRead', () => {
  it('reads once until forgotten, then reads the new value', async () => {
    let stored = 'Asia/Kolkata';
    let reads = 0;
    const zone = cachedRead(async () => {
      reads++;
      return stored;
    });
    expect(await zone.get()).toBe('Asia/Kolkata');
    expect(await zone.get()).toBe('Asia/Kolkata');
    expect(reads).toBe(1);
    stored = 'Europe/Berlin';
    zone.forget();
    expect(await zone.get()).toBe('Europe/Berlin');
    expect(reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const value = cachedRead(async () => {
      if (fail) throw new Error('database closed');
      return 42;
    });
    await expect(value.get()).rejects.toThrow('database closed');
    fail = false;
    expect(await value.get()).toBe(42);
  });
});
