/**
 * A background message sent from an extension page exactly as the product's pages send it
 * (`runtime.sendMessage` with the typed messenger's envelope), for the in-browser kits.
 */
type SendMessage = (message: unknown) => Promise<{ res?: { ok: boolean; data?: unknown; error?: string }; err?: { message?: string } } | undefined>;

let nextId = 1;

/** Sends one background message; returns its `data` or throws its error. */
export async function sendMessage<T = unknown>(type: string, data: unknown): Promise<T> {
  const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: SendMessage } } }).chrome.runtime;
  const answer = await runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
  if (!answer?.res) throw new Error(`${type}: ${answer?.err?.message ?? 'no answer'}`);
  if (!answer.res.ok) throw new Error(`${type}: ${answer.res.error}`);
  return answer.res.data as T;
}
