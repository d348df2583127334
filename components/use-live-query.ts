import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** What a live query has produced so far: `data` is `undefined` until the first result. */
export interface LiveQueryState<T> {
  data: T | undefined;
  /** The last read error (e.g. the database could not be opened); `data` keeps the last good value. */
  error: Error | undefined;
}

/**
 * Subscribes to a Dexie `liveQuery` and re-renders whenever its result changes — including
 * changes written by the background in another context (Dexie broadcasts them). `deps` re-create
 * the subscription, like `useEffect`. `initial`: a result already read (e.g. before the first
 * render), shown until the live query answers.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: readonly unknown[], initial?: T): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ data: initial, error: undefined });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (data) => setState({ data, error: undefined }),
      error: (error: unknown) =>
        setState((previous) => ({
          data: previous.data,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
