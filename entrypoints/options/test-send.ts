/**
 * Test support for the options page's component tests: real background handlers as the page's
 * `send` (answers `{ ok, data }` or `{ ok: false, error }` as the router does). Not shipped.
 */
import type { SendToBackground } from '../../lib/messaging/client';

type AnyHandlers = Record<string, (data: never, sender: never) => unknown>;

/** `send` answering with `handlers` (an error thrown by a handler becomes `{ ok: false, error }`). */
export function sendThrough(handlers: AnyHandlers): SendToBackground {
  return (async (type: string, data: never) => {
    const handler = handlers[type];
    if (!handler) return { ok: false, error: `no handler for ${type}` };
    try {
      return { ok: true, data: await handler(data, {} as never) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }) as unknown as SendToBackground;
}
