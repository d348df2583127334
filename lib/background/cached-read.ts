/** A value read from the store once and kept until {@link CachedRead.forget} (see {@link cachedRead}). */
export interface CachedRead<T> {
  /** The kept value, or a fresh read when none is kept (a failed read is not kept). */
  get(): Promise<T>;
  /** Drops the kept value: call after every write that may change it (the next `get` reads again). */
  forget(): void;
}

/**
 * Keeps the answer of `read` in the worker (e.g. the evaluation time zone, read on every single-lead
 * ingest otherwise). Only correct for values whose every writer calls `forget` after writing. A read
 * already under way when `forget` is called is not kept: the next `get` reads again.
 */
export function cachedRead<T>(read: () => Promise<T>): CachedRead<T> {
  let kept: Promise<T> | undefined;
  return {
    get() {
      if (kept) return kept;
      const reading = read();
      kept = reading;
      reading.catch(() => {
        if (kept === reading) kept = undefined;
      });
      return reading;
    },
    forget() {
      kept = undefined;
    },
  };
}
