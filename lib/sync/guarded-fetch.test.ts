import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrmApiError } from '../adapters/errors';
import type { FetchFn } from '../adapters/types';
import { guardFetch, retryAfterMs, SyncCancelledError } from './guarded-fetch';

/** A fetch that answers from a script, one answer per call, recording the calls. */
function scripted(answers: Array<() => Promise<Response>>): FetchFn & { calls: number } {
  const fn: FetchFn & { calls: number } = Object.assign(
    async () => {
      const answer = answers[fn.calls] ?? (answers[answers.length - 1] as () => Promise<Response>);
      fn.calls++;
      return answer();
    },
    { calls: 0 },
  );
  return fn;
}

const ok = () => Promise.resolve(new Response('{"ok":true}', { status: 200 }));
const limited = (retryAfter?: string) => () => Promise.resolve(new Response('', { status: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} }));
/** A request that never answers until its signal aborts. */
const hanging: FetchFn = (_input, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    const now = Date.UTC(2024, 0, 1, 12, 0, 0);
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 01 Jan 2024 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Mon, 01 Jan 2024 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs(' ', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('guardFetch', () => {
  it('hands on the answer as a buffered response', async () => {
    const guard = guardFetch(scripted([ok]), { crmName: 'Acme CRM' });
    const response = await guard.fetchFn('https://crm.example/api/leads');
    expect(await response.json()).toEqual({ ok: true });
    expect(guard.failure()).toBeUndefined();
  });

  it('retries HTTP 429 after Retry-After, or 1, 2, 4 s without one', async () => {
    const waits: number[] = [];
    const fetchFn = scripted([limited('2'), limited(), limited(), ok]);
    const guard = guardFetch(fetchFn, { crmName: 'Acme CRM', limits: { sleep: async (ms) => void waits.push(ms) } });
    expect((await guard.fetchFn('https://crm.example/api/leads')).status).toBe(200);
    expect(waits).toEqual([2000, 2000, 4000]);
    expect(fetchFn.calls).toBe(4);
  });

  it('gives up after maxRetries refusals, with a message naming the CRM', async () => {
    const guard = guardFetch(scripted([limited('1')]), { crmName: 'Acme CRM', limits: { maxRetries: 2, sleep: async () => undefined } });
    const failure = guard.fetchFn('https://crm.example/api/leads');
    await expect(failure).rejects.toThrow(new CrmApiError('Acme CRM is limiting requests (HTTP 429) and still refused after 2 retries. Try again in a few minutes.'));
    expect(guard.failure()).toBeInstanceOf(CrmApiError);
  });

  it('does not wait longer than maxRetryWaitMs', async () => {
    const guard = guardFetch(scripted([limited('120')]), { crmName: 'Acme CRM', limits: { maxRetryWaitMs: 60_000, sleep: async () => undefined } });
    await expect(guard.fetchFn('https://crm.example/api/leads')).rejects.toThrow('Acme CRM asked to wait 120 s before the next request (HTTP 429). Try again later.');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails a request that does not answer within the timeout', async () => {
    vi.useFakeTimers();
    const guard = guardFetch(hanging, { crmName: 'Acme CRM', limits: { timeoutMs: 30_000 } });
    const pending = guard.fetchFn('https://crm.example/api/leads');
    const outcome = expect(pending).rejects.toThrow('Acme CRM did not answer within 30 s');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(guard.failure()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(guard.failure()).toBeInstanceOf(CrmApiError);
  });

  it('cancels the request in flight when the signal aborts, and refuses new ones', async () => {
    const controller = new AbortController();
    const guard = guardFetch(hanging, { crmName: 'Acme CRM', signal: controller.signal });
    const pending = guard.fetchFn('https://crm.example/api/leads');
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(SyncCancelledError);
    await expect(guard.fetchFn('https://crm.example/api/leads')).rejects.toBeInstanceOf(SyncCancelledError);
    expect(guard.failure()).toBeInstanceOf(SyncCancelledError);
  });
});
