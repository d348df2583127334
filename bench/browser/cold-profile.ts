import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

/**
 * Runs `work` — which starts the extension's stopped service worker — with the worker's CPU
 * profiler started as soon as the worker's target appears (`page`'s DevTools session discovers
 * targets and attaches at once; the worker is not paused — Playwright's own session resumes it —
 * so its first milliseconds may be missed). The profile (the lead copy's load, the first answers)
 * is written to `<dir>/<name>.cpuprofile`.
 */
export async function profiledFromStart<T>(page: Page, workerUrlPrefix: string, dir: string, name: string, work: () => Promise<T>): Promise<T> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  const send = <R>(sessionId: string, method: string, params: Record<string, unknown> = {}) =>
    new Promise<R>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, resolve as (result: unknown) => void);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    const resolve = message.id === undefined ? undefined : waiting.get(message.id);
    if (!resolve) return;
    waiting.delete(message.id!);
    resolve(message.result);
  });
  let worker: Promise<string> | undefined;
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    if (worker || targetInfo.type !== 'service_worker' || !targetInfo.url.startsWith(workerUrlPrefix)) return;
    worker = (async () => {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
      await send(sessionId, 'Profiler.enable');
      await send(sessionId, 'Profiler.setSamplingInterval', { interval: 500 });
      await send(sessionId, 'Profiler.start');
      return sessionId;
    })();
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  try {
    const result = await work();
    if (!worker) throw new Error('profile: the service worker did not start during the work');
    const { profile } = await send<{ profile: unknown }>(await worker, 'Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    return result;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
