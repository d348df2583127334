import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_LEADS_CSV, readLeadsCsvText } from '../demo/data/dataset';
import { startDemoCrm, type DemoCrm } from '../demo/server/server';
import type { Segment } from '../lib/schema';
import { countTable, launchExtension, readTable, registeredContentScripts, sendFromPage, type ExtensionSession } from './harness';

/** The real dataset (the in-repo copy, `demo/data/leads.csv.gz`). */
export const LEADS_CSV = DEMO_LEADS_CSV;

/** The real dataset's CSV text (decompressed), for a test's own independent computation. */
export const leadsCsvText = (): string => readLeadsCsvText(LEADS_CSV);

const plainCopies = new Map<string, string>();
/**
 * Path of a decompressed copy of the gzip file `gzFile` named `name`, written once per run to the
 * temp dir: what a user picks in a file input (the product imports plain `.csv` files, and
 * derives the import's CRM key from the file name).
 */
export function plainCsvCopy(gzFile: string, name: string): string {
  let path = plainCopies.get(gzFile);
  if (!path) {
    const dir = join(tmpdir(), `crm-segments-dataset-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    path = join(dir, name);
    writeFileSync(path, readLeadsCsvText(gzFile));
    plainCopies.set(gzFile, path);
  }
  return path;
}

/** Path of a decompressed copy of the real dataset, under the export's own name `Leads.csv`. */
export const plainLeadsCsvPath = (): string => plainCsvCopy(LEADS_CSV, 'Leads.csv');

/** Polls `read` until `done(value)` holds or `timeoutMs` passes; returns the last value. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Creates a segment through the background, as the popup does; throws the background's error. */
export async function createSegmentVia(page: Page, name: string, color: string, rules: unknown): Promise<Segment> {
  const created = await sendFromPage<Segment>(page, 'createSegment', { draft: { name, color, rules } });
  if (!created.ok) throw new Error(created.error);
  return created.data;
}

/** Waits until no refresh job is pending and every active segment has been evaluated; returns the segments. */
export async function segmentsSettled(page: Page): Promise<Segment[]> {
  const state = await until(
    async () => ({ jobs: await countTable(page, 'jobs'), segments: await readTable<Segment>(page, 'segments') }),
    (v) => v.jobs === 0 && v.segments.every((s) => s.status === 'inactive' || s.lastRefreshedAt !== undefined),
    60_000,
  );
  return state.segments;
}

/**
 * Connects a CRM the way a user does (issue 9 item 4): "Sync all" from the popup over the CRM's
 * leads page — the popup sends `syncAll` with that page's URL — and waits until the extension has
 * registered its content script for exactly that origin. Returns the sync report; throws the
 * background's error.
 */
export async function connectCrm<R = unknown>(session: ExtensionSession, extensionPage: Page, crmUrl: string): Promise<R> {
  const sync = await sendFromPage<R>(extensionPage, 'syncAll', { pageUrl: `${crmUrl}/leads` });
  if (!sync.ok) throw new Error(`Sync all failed: ${sync.error}`);
  const origin = new URL(crmUrl).origin;
  const scripts = await until(
    () => registeredContentScripts(session),
    (list) => list.some((s) => s.matches.includes(`${origin}/*`)),
  );
  if (!scripts.some((s) => s.matches.includes(`${origin}/*`))) throw new Error(`No content script registered for ${origin}`);
  return sync.data;
}

/** The demo CRM with the real dataset, Chromium with the extension, and every lead synced. */
export interface SyncedWorld {
  crm: DemoCrm;
  session: ExtensionSession;
  /** An extension page (popup.html in a tab) that sends background messages. */
  extensionPage: Page;
  crmKey: string;
  createSegment(name: string, color: string, rules: unknown): Promise<Segment>;
  /** Waits until no refresh job is pending and every segment has been evaluated; returns the segments. */
  settled(): Promise<Segment[]>;
  close(): Promise<void>;
}

/** Starts the demo CRM (free port) and Chromium, and connects it: "Sync all" over the real 9,240 leads. */
export async function startSyncedWorld(): Promise<SyncedWorld> {
  const crm = await startDemoCrm({ port: 0, csvPath: LEADS_CSV });
  const session = await launchExtension();
  const extensionPage = await session.openExtensionPage('popup.html');
  await connectCrm(session, extensionPage, crm.url);
  return {
    crm,
    session,
    extensionPage,
    crmKey: `demo@127.0.0.1:${crm.port}`,
    createSegment: (name, color, rules) => createSegmentVia(extensionPage, name, color, rules),
    settled: () => segmentsSettled(extensionPage),
    async close() {
      await session.close().catch(() => undefined);
      await crm.close();
    },
  };
}
