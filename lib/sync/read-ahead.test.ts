import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead';

/** A source that logs when each item is started and finished, and whether it was closed. */
function loggedSource(items: readonly number[], failAt?: number) {
  const log: string[] = [];
  async function* source(): AsyncGenerator<number> {
    try {
      for (const [i, item] of items.entries()) {
        log.push(`fetch ${item}`);
        await Promise.resolve();
        if (i === failAt) throw new Error(`page ${item} failed`);
        yield item;
      }
    } finally {
      log.push('closed');
    }
  }
  return { log, source: source() };
}

describe('readAhead', () => {
  it('yields the source items in order and fetches the next one while the consumer handles the current one', async () => {
    const { log, source } = loggedSource([1, 2, 3]);
    const seen: number[] = [];
    for await (const item of readAhead(source)) {
      log.push(`store ${item} start`);
      await new Promise((resolve) => setTimeout(resolve, 0));
      log.push(`store ${item} end`);
      seen.push(item);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('store 1 end'));
    expect(log.indexOf('fetch 3')).toBeLessThan(log.indexOf('store 2 end'));
    expect(log.filter((entry) => entry === 'closed')).toHaveLength(1);
  });

  it('raises the source error at the consumer step after the item in hand was handled', async () => {
    const { source } = loggedSource([1, 2, 3], 1);
    const handled: number[] = [];
    await expect((async () => {
      for await (const item of readAhead(source)) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        handled.push(item);
      }
    })()).rejects.toThrow('page 2 failed');
    expect(handled).toEqual([1]);
  });

  it('closes the source when the consumer stops early, without leaving a rejection unhandled', async () => {
    const { log, source } = loggedSource([1, 2, 3]);
    const seen: number[] = [];
    for await (const item of readAhead(source)) {
      seen.push(item);
      if (item === 1) break;
    }
    expect(seen).toEqual([1]);
    expect(log).toEqual(['fetch 1', 'fetch 2', 'closed']);

    const failing = loggedSource([1, 2], 1);
    await expect((async () => {
      for await (const item of readAhead(failing.source)) throw new Error(`consumer failed on ${item}`);
    })()).rejects.toThrow('consumer failed on 1');
    expect(failing.log).toEqual(['fetch 1', 'fetch 2', 'closed']);
  });

  it('handles an empty source', async () => {
    const { log, source } = loggedSource([]);
    const seen: number[] = [];
    for await (const item of readAhead(source)) seen.push(item);
    expect(seen).toEqual([]);
    expect(log).toEqual(['closed']);
  });
});
