import type { Page, Worker } from 'playwright-core';
import { launchExtension, type ExtensionSession } from '../../e2e/harness';
import { readLeadsCsv } from '../leads-csv';
import { bundleKit } from './bundle';
import type { pageKit } from './page-kit';
import { attachWorker, type WorkerDebugger } from './worker-debugger';
import type { workerKit } from './worker-kit';

type PageKit = typeof pageKit;
type WorkerKit = typeof workerKit;
type Fn = (...args: never[]) => unknown;
type Answer<F> = F extends Fn ? Awaited<ReturnType<F>> : never;

/** Chromium with the built extension, a driver page holding the page kit, and the worker kit installed. */
export interface BenchSession {
  session: ExtensionSession;
  /** A blank document of the extension's origin (its manifest.json): no product UI, no live queries. */
  driver: Page;
  debugger: WorkerDebugger;
  /** Calls a page-kit function in the driver page. */
  page<K extends keyof PageKit>(fn: K, ...args: Parameters<PageKit[K]>): Promise<Answer<PageKit[K]>>;
  /** Calls a worker-kit function in the service worker (re-installing the kit if the worker restarted). */
  worker<K extends keyof WorkerKit>(fn: K, ...args: Parameters<WorkerKit[K]>): Promise<Answer<WorkerKit[K]>>;
  /** Largest worker heap (MB) sampled since the last call, and resets it. */
  takePeakHeapMb(): number;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Launches the extension, opens the driver page with the page kit (seeded with the dataset's rows) and installs the worker kit. */
export async function startBenchSession(): Promise<BenchSession> {
  const [pageSource, workerSource] = await Promise.all([bundleKit('page-kit.ts'), bundleKit('worker-kit.ts')]);
  const session = await launchExtension();
  const extensionUrl = (path: string) => `chrome-extension://${session.extensionId}/${path}`;
  const driver = await session.openExtensionPage('manifest.json');
  await driver.evaluate(pageSource);
  await driver.evaluate((rows) => (globalThis as unknown as { __benchPage: PageKit }).__benchPage.init(rows), readLeadsCsv() as never);

  let installedIn: Worker | undefined;
  const currentWorker = async (): Promise<Worker> => {
    const worker = session.context.serviceWorkers().find((w) => w.url().startsWith(extensionUrl(''))) ?? (await session.context.waitForEvent('serviceworker'));
    if (installedIn !== worker) {
      await worker.evaluate(workerSource);
      installedIn = worker;
    }
    return worker;
  };
  await currentWorker();
  const dbg = await attachWorker(driver, extensionUrl(''));
  let peak = 0;
  const sampler = setInterval(() => {
    dbg.heapMb().then((mb) => (peak = Math.max(peak, mb)), () => undefined);
  }, 500);

  return {
    session,
    driver,
    debugger: dbg,
    page: (fn, ...args) =>
      driver.evaluate(({ fn, args }) => (globalThis as unknown as { __benchPage: Record<string, Fn> }).__benchPage[fn]!(...(args as never[])), { fn, args }) as never,
    worker: async (fn, ...args) =>
      (await currentWorker()).evaluate(({ fn, args }) => (globalThis as unknown as { __benchWorker: Record<string, Fn> }).__benchWorker[fn]!(...(args as never[])), { fn, args }) as never,
    takePeakHeapMb() {
      const value = peak;
      peak = 0;
      return value;
    },
    extensionUrl,
    async close() {
      clearInterval(sampler);
      await dbg.detach();
      await session.close();
    },
  };
}
