import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchExtension, type ExtensionSession } from '../../e2e/harness';
import { readLeadsCsv } from '../leads-csv';
import { bundleKit } from './bundle';
import { profiledFromStart } from './cold-profile';
import type { pageKit } from './page-kit';
import { attachWorker, type WorkerDebugger } from './worker-debugger';
import { lastRecorded } from './results';
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
  /** The page kit's bundled source (to evaluate in another extension page). */
  pageSource: string;
  /** Calls a page-kit function in the driver page. */
  page<K extends keyof PageKit>(fn: K, ...args: Parameters<PageKit[K]>): Promise<Answer<PageKit[K]>>;
  /** Calls a worker-kit function in the service worker (re-installing the kit if the worker restarted). */
  worker<K extends keyof WorkerKit>(fn: K, ...args: Parameters<WorkerKit[K]>): Promise<Answer<WorkerKit[K]>>;
  /**
   * Stops the extension's service worker (DevTools protocol `ServiceWorker.stopAllWorkers`, as
   * Chromium does after ~30 s idle) and waits until it is gone; the next message starts it again.
   */
  stopWorker(): Promise<void>;
  /** Attaches `debugger` to the running worker again (after {@link stopWorker} and a restart). */
  reattachWorker(): Promise<void>;
  /** Largest worker heap (MB) sampled since the last call, and the operation recorded before it; resets it. */
  takePeakHeapMb(): { mb: number; after: string };
  extensionUrl(path: string): string;
  /**
   * Runs `work`; when `op` is one of the profiled operations, under the worker's CPU profiler,
   * written to `<profileDir>/<op>-<size>.cpuprofile`.
   */
  profiled<T>(op: string, size: number, work: () => Promise<T>): Promise<T>;
  /** As {@link profiled}, for `work` that starts the stopped worker: profiled from the worker's first instruction. */
  profiledFromStart<T>(op: string, size: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link startBenchSession}. */
export interface BenchSessionOptions {
  /** The unpacked extension (default: the `npm run build` output). */
  extensionDir?: string;
  /** Operations to run under the worker's CPU profiler (see `profiled`), and where the profiles go. */
  profile?: ReadonlySet<string>;
  profileDir?: string;
  /** Reuse this Chromium profile (its stored leads survive the session). */
  userDataDir?: string;
}

/** Launches the extension, opens the driver page with the page kit (seeded with the dataset's rows) and installs the worker kit. */
export async function startBenchSession(options: BenchSessionOptions = {}): Promise<BenchSession> {
  const [pageSource, workerSource] = await Promise.all([bundleKit('page-kit.ts'), bundleKit('worker-kit.ts')]);
  const session = await launchExtension({
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
  });
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
  let dbg = await attachWorker(driver, extensionUrl(''));
  let peak = 0;
  let peakAfter = lastRecorded();
  const sampler = setInterval(() => {
    dbg.heapMb().then(
      (mb) => {
        if (mb > peak) [peak, peakAfter] = [mb, lastRecorded()];
      },
      () => undefined,
    );
  }, 500);

  return {
    session,
    driver,
    get debugger() {
      return dbg;
    },
    pageSource,
    page: (fn, ...args) =>
      driver.evaluate(({ fn, args }) => (globalThis as unknown as { __benchPage: Record<string, Fn> }).__benchPage[fn]!(...(args as never[])), { fn, args }) as never,
    worker: async (fn, ...args) =>
      (await currentWorker()).evaluate(({ fn, args }) => (globalThis as unknown as { __benchWorker: Record<string, Fn> }).__benchWorker[fn]!(...(args as never[])), { fn, args }) as never,
    async stopWorker() {
      const cdp = await session.context.newCDPSession(driver);
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        const running = async () => (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(extensionUrl('')));
        while (await running()) await new Promise((r) => setTimeout(r, 50));
        installedIn = undefined; // the next worker has no kit yet
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async reattachWorker() {
      await dbg.detach();
      await currentWorker();
      dbg = await attachWorker(driver, extensionUrl(''));
    },
    takePeakHeapMb() {
      const value = { mb: peak, after: peakAfter };
      peak = 0;
      return value;
    },
    extensionUrl,
    async profiled(op, size, work) {
      if (!options.profile?.has(op)) return work();
      await dbg.send('Profiler.enable');
      await dbg.send('Profiler.start');
      try {
        return await work();
      } finally {
        const { profile } = await dbg.send<{ profile: unknown }>('Profiler.stop');
        const dir = options.profileDir ?? '.tmp/bench-profiles';
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${op}-${size}.cpuprofile`), JSON.stringify(profile));
      }
    },
    profiledFromStart(op, size, work) {
      if (!options.profile?.has(op)) return work();
      return profiledFromStart(driver, extensionUrl(''), options.profileDir ?? '.tmp/bench-profiles', `${op}-${size}`, work);
    },
    async close() {
      clearInterval(sampler);
      await dbg.detach();
      await session.close();
    },
  };
}
