import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Where `npm run build` puts the unpacked Chrome extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');
/**
 * Where e2e screenshots go: `docs/screenshots/` (the README's pictures) only when
 * `UPDATE_SCREENSHOTS=1`, else the ignored `e2e-output/screenshots/`, so a test run leaves the
 * working tree as it was.
 */
export const SCREENSHOTS = resolve(import.meta.dirname, process.env.UPDATE_SCREENSHOTS ? '../docs/screenshots' : '../e2e-output/screenshots');
/** Debian's Chromium (Playwright's own browser download does not work here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A running Chromium with the built extension loaded. */
export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The browser profile directory (pass it to `launchExtension` again to restart the browser). */
  userDataDir: string;
  /** Opens an extension page (e.g. "popup.html") in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Debian Chromium (headless=new) with the unpacked build and a fresh user-data dir,
 * waits for the extension's service worker and reads the extension id from its URL.
 * Throws if Chromium or the build is missing.
 */
export async function launchExtension(
  options: { headless?: boolean; extensionDir?: string; /** Reuse this profile (a browser restart); it is then not deleted on close. */ userDataDir?: string } = {},
): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'crm-segments-e2e-')));
  const ownsProfile = options.userDataDir === undefined;
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    viewport: { width: 1280, height: 860 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    userDataDir,
    async close() {
      await context.close();
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a background message from an extension page exactly as the popup does
 * (@webext-core/messaging wire format) and returns the background's `Result`.
 */
export async function sendFromPage<T = unknown>(page: Page, type: string, data: unknown): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  return page.evaluate(
    async ({ type, data }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const answer = (await runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })) as
        | { res?: unknown; err?: { message?: string } }
        | undefined;
      if (!answer) throw new Error(`no answer to ${type}`);
      if (answer.err) throw new Error(answer.err.message ?? 'background error');
      return answer.res as never;
    },
    { type, data },
  );
}

/** Ids and match patterns of the content scripts the extension registered at runtime (connected CRMs). */
export function registeredContentScripts(session: ExtensionSession): Promise<Array<{ id: string; matches: string[] }>> {
  return session.serviceWorker.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } } }).chrome.scripting;
    return (await scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches ?? [] }));
  });
}

/** Reads every row of one table of the extension's IndexedDB (from an extension page). */
export function readTable<T>(page: Page, table: StoreName): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolvePromise, reject) => {
        const open = indexedDB.open('crm-segments');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolvePromise(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

type StoreName = 'leads' | 'segments' | 'memberBlocks' | 'customFields' | 'campaigns' | 'jobs' | 'segmentHistory' | 'meta';

/**
 * Every membership `{ segmentId, leadId, addedAt }` of the extension's IndexedDB, unpacked from
 * the `memberBlocks` table (Dexie version 2 stores each segment's members as sorted id blocks).
 */
export async function readMemberships(page: Page): Promise<Array<{ segmentId: string; leadId: string; addedAt: number }>> {
  const blocks = await readTable<{ segmentId: string; ids: string[]; added: number[] }>(page, 'memberBlocks');
  return blocks.flatMap((block) => block.ids.map((leadId, i) => ({ segmentId: block.segmentId, leadId, addedAt: block.added[i] as number })));
}

/** Counts the rows of one table of the extension's IndexedDB (from an extension page). */
export function countTable(page: Page, table: StoreName): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolvePromise, reject) => {
        const open = indexedDB.open('crm-segments');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            open.result.close();
            resolvePromise(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Reads one row by primary key from the extension's IndexedDB, or undefined. */
export function readRow<T>(page: Page, table: StoreName, key: string): Promise<T | undefined> {
  return page.evaluate(
    ({ name, id }) =>
      new Promise<T | undefined>((resolvePromise, reject) => {
        const open = indexedDB.open('crm-segments');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).get(id);
          request.onsuccess = () => {
            open.result.close();
            resolvePromise(request.result as T | undefined);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { name: table, id: key },
  );
}
