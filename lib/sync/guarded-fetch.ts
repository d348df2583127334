import { CrmApiError } from '../adapters/errors';
import type { FetchFn } from '../adapters/types';

/** Bounds of every CRM request of a sync (issue 9 item 2). Tests inject small ones. */
export interface RequestLimits {
  /** A request (headers AND body) that takes longer fails with "… did not answer within N s". */
  timeoutMs: number;
  /** HTTP 429 answers retried at most this many times per request. */
  maxRetries: number;
  /** A `Retry-After` longer than this is not waited for: the sync fails with a clear message. */
  maxRetryWaitMs: number;
  /** Waits `ms` (rejects when `signal` aborts). Default: a real timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** 30 s per request, 3 retries on HTTP 429, at most 60 s of waiting per retry. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { timeoutMs: 30_000, maxRetries: 3, maxRetryWaitMs: 60_000 };

/** A fetch function with limits, and the failure it raised last (timeout, rate limit, cancel). */
export interface GuardedFetch {
  fetchFn: FetchFn;
  /** The error this guard raised, if any: adapters may wrap errors, the sync reports this one. */
  failure(): Error | undefined;
}

/** The sync was cancelled by the user (its AbortSignal aborted). */
export class SyncCancelledError extends Error {
  constructor() {
    super('Sync cancelled. The leads received so far were stored; no lead was removed.');
    this.name = 'SyncCancelledError';
  }
}

/** Seconds as the user reads them: "30 s", "1.5 s". */
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(2))} s`;

/**
 * Milliseconds to wait from a `Retry-After` header (delta-seconds or an HTTP date, RFC 9110
 * §10.2.3), or undefined when absent or unreadable. Negative waits become 0.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new SyncCancelledError());
    }, { once: true });
  });

/**
 * Wraps `fetchFn` for one sync (issue 9 item 2): each request — headers and body — must finish
 * within `limits.timeoutMs` ("Acme CRM did not answer within 30 s"); HTTP 429 is retried after its
 * `Retry-After` (or 1, 2, 4… s) at most `limits.maxRetries` times; `signal` (Cancel) aborts the
 * request in flight and any wait. Bodies are read here and handed on as a buffered Response.
 * Errors: CrmApiError (timeout, rate limit), SyncCancelledError (cancelled).
 */
export function guardFetch(
  fetchFn: FetchFn,
  options: { crmName: string; signal?: AbortSignal; limits?: Partial<RequestLimits>; clock?: () => number },
): GuardedFetch {
  const limits: RequestLimits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const sleep = limits.sleep ?? defaultSleep;
  const clock = options.clock ?? Date.now;
  const { crmName, signal } = options;
  let failure: Error | undefined;
  const fail = (error: Error): never => {
    failure = error;
    throw error;
  };

  const once = async (input: string, init: RequestInit | undefined): Promise<Response> => {
    if (signal?.aborted) fail(new SyncCancelledError());
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort = () => undefined as void;
    // Settles when the request takes too long or the user cancels, whichever comes first.
    const interrupted = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new CrmApiError(`${crmName} did not answer within ${seconds(limits.timeoutMs)}`));
      }, limits.timeoutMs);
      onAbort = () => {
        controller.abort();
        reject(new SyncCancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const request = (async () => {
        const response = await fetchFn(input, { ...init, signal: controller.signal });
        const body = await response.text();
        const empty = response.status === 204 || response.status === 304;
        return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
      })();
      return await Promise.race([request, interrupted]);
    } catch (error) {
      if (error instanceof CrmApiError || error instanceof SyncCancelledError) fail(error);
      if (signal?.aborted) fail(new SyncCancelledError());
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };

  const guarded: FetchFn = async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const response = await once(input, init);
      if (response.status !== 429) return response;
      if (attempt >= limits.maxRetries) {
        fail(new CrmApiError(`${crmName} is limiting requests (HTTP 429) and still refused after ${limits.maxRetries} retries. Try again in a few minutes.`));
      }
      const wait = retryAfterMs(response.headers.get('retry-after'), clock()) ?? 1000 * 2 ** attempt;
      if (wait > limits.maxRetryWaitMs) {
        fail(new CrmApiError(`${crmName} asked to wait ${seconds(wait)} before the next request (HTTP 429). Try again later.`));
      }
      try {
        await sleep(wait, signal);
      } catch {
        fail(new SyncCancelledError());
      }
    }
  };
  return { fetchFn: guarded, failure: () => failure };
}
