import type { CDPSession, Page } from 'playwright-core';

/**
 * The extension's service worker seen through the DevTools protocol (Playwright gives CDP
 * sessions to pages only): a page's session attaches to the worker target and relays commands
 * (`Target.sendMessageToTarget`). Used for the worker's heap (`Runtime.getHeapUsage`) and CPU
 * profiles (`Profiler.*`).
 */
export interface WorkerDebugger {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** The worker's used JS heap, MB. */
  heapMb(): Promise<number>;
  detach(): Promise<void>;
}

/** Attaches to the service worker whose URL starts with `workerUrlPrefix`, through `page`'s CDP session. */
export async function attachWorker(page: Page, workerUrlPrefix: string): Promise<WorkerDebugger> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(workerUrlPrefix));
  if (!target) throw new Error(`no service worker at ${workerUrlPrefix}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  };
  return {
    send,
    async heapMb() {
      const { usedSize } = await send<{ usedSize: number }>('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
