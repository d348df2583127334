/**
 * What runs inside the benchmark's extension page (issue 10 item 8), bundled by
 * `bench/browser/bundle.ts` and evaluated there by Playwright (nothing of it ships): it generates
 * the synthetic leads in the browser, sends them to the background exactly as the product's pages
 * do (`runtime.sendMessage` with the typed messenger's envelope), sends the same leads to the
 * raw baseline in the same worker (a runtime port), and times both from this page.
 */
import type { LeadsCsvRow } from '../leads-csv';
import type { Lead } from '../../lib/schema';
import { createLeadStream, type LeadStream } from '../synthetic-lead-gen';
import { committed, openExisting, request } from './raw-idb';
import { RAW_PORT } from './worker-kit-port';
import { coldPageKit } from './page-kit-cold';
import { sendMessage } from './send-message';

type Runtime = {
  connect(info: { name: string }): {
    onMessage: { addListener(f: (m: { id: number; ok: boolean; result?: unknown; error?: string }) => void): void };
    onDisconnect: { addListener(f: () => void): void };
    postMessage(m: unknown): void;
  };
};
const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

let stream: LeadStream | undefined;
let rowsKept: LeadsCsvRow[] | undefined;
let seedKept: number | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let port: ReturnType<Runtime['connect']> | undefined;

/** Sends one background message as the product's pages do; returns `data` or throws the error. */
const send = sendMessage;

/** One request to the raw baseline in the worker (see worker-kit.ts). */
function raw<T = unknown>(message: { op: string; leads?: Lead[]; lead?: Lead }): Promise<T> {
  if (!port) {
    port = runtime.connect({ name: RAW_PORT });
    // A stopped worker (the cold-preview step) ends the port: the next request connects again.
    port.onDisconnect.addListener(() => (port = undefined));
    port.onMessage.addListener((m) => {
      const waiter = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) waiter?.resolve(m.result);
      else waiter?.reject(new Error(m.error));
    });
  }
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    port!.postMessage({ id, ...message });
  });
}

/**
 * Generates `count` more leads and sends them in messages of `batch`, each batch to the product
 * (`ingestLeads`) and (unless `withBaseline` is false) to the raw put and to the raw put into a
 * store with the product's schema (`crmKey` index), rotating which goes first. Generation is not timed.
 */
async function ingest(count: number, batch = 5000, withBaseline = true): Promise<{ productMs: number; rawMs: number; rawIndexedMs: number; stored: number }> {
  if (!stream) throw new Error('init first');
  let productMs = 0;
  let rawMs = 0;
  let rawIndexedMs = 0;
  let stored = 0;
  for (let done = 0, round = 0; done < count; done += batch, round++) {
    const leads = stream.next(Math.min(batch, count - done));
    const product = async () => {
      const t = performance.now();
      stored += (await send<{ stored: number }>('ingestLeads', { leads })).stored;
      productMs += performance.now() - t;
    };
    const baseline = async () => {
      const t = performance.now();
      await raw({ op: 'put', leads });
      rawMs += performance.now() - t;
    };
    const indexed = async () => {
      const t = performance.now();
      await raw({ op: 'put-indexed', leads });
      rawIndexedMs += performance.now() - t;
    };
    const order = withBaseline ? [product, baseline, indexed] : [product];
    for (let k = 0; k < order.length; k++) await order[(k + round) % order.length]!();
  }
  return { productMs, rawMs, rawIndexedMs, stored };
}

/**
 * Waits (polling the product's database every 20 ms) until segment `id` was refreshed at or after
 * `since` and has no job left, or `timeoutMs` passed (`finished` false); `at` is `Date.now()` then.
 */
async function refreshed(id: string, since: number, timeoutMs = 900_000): Promise<{ at: number; memberCount: number; finished: boolean }> {
  const db = await openExisting('crm-segments');
  let memberCount = 0;
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      const tx = db.transaction(['segments', 'jobs'], 'readonly');
      const [segment, job] = await Promise.all([request(tx.objectStore('segments').get(id)), request(tx.objectStore('jobs').get(`refresh:${id}`))]);
      const s = segment as { lastRefreshedAt?: number; memberCount: number } | undefined;
      memberCount = s?.memberCount ?? 0;
      if (job === undefined && s?.lastRefreshedAt !== undefined && s.lastRefreshedAt >= since) return { at: Date.now(), memberCount, finished: true };
    }
  } finally {
    db.close();
  }
  return { at: Date.now(), memberCount, finished: false };
}

/** Creates an active segment with `rules` (the popup's `createSegment`, which starts its full refresh): its id and when the message was sent. */
async function create(rules: unknown, name: string): Promise<{ id: string; started: number }> {
  const started = Date.now();
  const segment = await send<{ id: string }>('createSegment', { draft: { name, color: '#4f46e5', rules } });
  return { id: segment.id, started };
}

/** Waits (polling every 20 ms) until no refresh job is pending. */
async function jobsIdle(timeoutMs = 900_000): Promise<void> {
  const db = await openExisting('crm-segments');
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      if ((await request(db.transaction('jobs').objectStore('jobs').count())) === 0) return;
    }
  } finally {
    db.close();
  }
  throw new Error(`refresh jobs still pending after ${timeoutMs} ms`);
}

/** "Sync all" of the CRM at `crmUrl` (the popup's message): ms to its answer, and the leads stored. */
async function timedSync(crmUrl: string): Promise<{ ms: number; stored: number }> {
  const started = performance.now();
  const report = await send<{ stored: number }>('syncAll', { pageUrl: `${crmUrl}/leads` });
  return { ms: performance.now() - started, stored: report.stored };
}

/** Raw first page: open the product's database, its first block of `segmentId`'s members, and their first `n` leads. */
async function rawFirstPage(segmentId: string, n = 50): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const db = await openExisting('crm-segments');
  const tx = db.transaction(['memberBlocks', 'leads'], 'readonly');
  const first = (await request(tx.objectStore('memberBlocks').getAll(IDBKeyRange.bound([segmentId, ''], [segmentId, '\uffff']), 1))) as Array<{ ids: string[] }>;
  const ids = first[0]?.ids.slice(0, n) ?? [];
  const leads = await Promise.all(ids.map((id) => request(tx.objectStore('leads').get(id))));
  await committed(tx);
  db.close();
  return { ms: performance.now() - started, rows: leads.length };
}

/** Raw popup baseline: open the product's database and read every segment row. */
async function rawSegments(): Promise<{ ms: number; segments: number }> {
  const started = performance.now();
  const db = await openExisting('crm-segments');
  const segments = await request(db.transaction('segments').objectStore('segments').getAll());
  db.close();
  return { ms: performance.now() - started, segments: segments.length };
}

/** One stored lead of the product's database (setup of the single-lead measurement). */
async function storedLead(id: string): Promise<Lead | undefined> {
  const db = await openExisting('crm-segments');
  const lead = (await request(db.transaction('leads').objectStore('leads').get(id))) as Lead | undefined;
  db.close();
  return lead;
}

/**
 * `runs` single-lead ingests of `lead` (alternating two changed versions, so each is a real change
 * that moves it between segments), product and raw baseline taking turns. Round trips in ms.
 */
async function changedLead(lead: Lead, runs: number): Promise<{ product: number[]; raw: number[] }> {
  const product: number[] = [];
  const rawMs: number[] = [];
  for (let k = 0; k <= runs; k++) {
    const even = k % 2 === 0;
    const version: Lead = { ...lead, status: even ? 'Contacted' : 'Converted', source: even ? 'Google' : 'Direct Traffic', priority: even ? 'High' : 'Low', crmUpdatedAt: (lead.crmUpdatedAt ?? 0) + k + 1, syncedAt: Date.now() };
    const a = async () => {
      const t = performance.now();
      await send('ingestLeads', { leads: [version] });
      if (k > 0) product.push(performance.now() - t);
    };
    const b = async () => {
      const t = performance.now();
      await raw({ op: 'changed', lead: version });
      if (k > 0) rawMs.push(performance.now() - t);
    };
    if (even) await a().then(b);
    else await b().then(a);
  }
  return { product, raw: rawMs };
}

/** Previews `rules` `runs` times (message round trips in ms; the first is the cold one). */
async function preview(rules: unknown, runs: number): Promise<{ ms: number[]; count: number; total: number }> {
  const ms: number[] = [];
  let answer = { count: 0, total: 0 };
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    answer = await send<{ count: number; total: number }>('previewSegment', { rules, sampleSize: 5 });
    ms.push(performance.now() - t);
  }
  return { ms, ...answer };
}

/** The page's benchmark entry points. */
export const pageKit = {
  init(rows: LeadsCsvRow[], seed?: number) {
    rowsKept = rows;
    seedKept = seed;
    stream = createLeadStream(rows, seed === undefined ? {} : { seed });
  },
  /** Starts the lead stream over (ids from 1 again), after "Delete all data". */
  restart() {
    if (!rowsKept) throw new Error('init first');
    stream = createLeadStream(rowsKept, seedKept === undefined ? {} : { seed: seedKept });
  },
  generated: () => stream?.generated ?? 0,
  send,
  ingest,
  refreshed,
  create,
  jobsIdle,
  timedSync,
  rawFirstPage,
  rawSegments,
  storedLead,
  changedLead,
  preview,
  ...coldPageKit(send),
};
(globalThis as unknown as { __benchPage: typeof pageKit }).__benchPage = pageKit;
