/**
 * Reads one item ahead of the consumer: while the consumer handles item k (a sync storing a page),
 * item k + 1 is already being produced (the next page fetched). Order, values and errors are the
 * source's: an error the source raises while the consumer works surfaces at the consumer's next
 * step, after the item in hand was handled, exactly where a plain `for await` would raise it.
 * When the consumer stops early (break, throw), the source is closed once its pending step
 * settles, and that step's own result or error is dropped (nothing unhandled).
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined = iterator.next();
  try {
    for (;;) {
      const result: IteratorResult<T> = await pending;
      pending = undefined;
      if (result.done) return;
      pending = iterator.next();
      // Attach a handler now: if the consumer stops before awaiting it, its rejection is not unhandled.
      pending.catch(() => undefined);
      yield result.value;
    }
  } finally {
    if (pending) {
      const finished = await pending.then((result) => result.done === true, () => true);
      if (!finished) await iterator.return?.();
    }
  }
}
