/**
 * The raw IndexedDB baselines that run inside the extension's service worker (issue 10 item 8),
 * bundled by `bench/browser/bundle.ts` and evaluated there by Playwright: nothing of it ships in
 * the extension. Exposes `globalThis.__benchWorker` and answers the extension page's baseline
 * messages on a runtime port named {@link RAW_PORT} (the product's typed messenger answers every
 * `runtime.sendMessage` itself, so the baselines use a port: same JSON serialisation).
 */
import { demoCrmAdapter } from '../../lib/adapters/demo-crm';
import { compileRules } from '../../lib/engine/index';
import type { Lead, RuleSet } from '../../lib/schema';
import { convertRecords } from '../../lib/sync/convert';
import { BENCH_CUSTOM_FIELDS } from '../context';
import { RAW_PORT } from './worker-kit-port';
import { clearRaw, committed, openExisting, openRaw, packBlocks, putAll, request, RAW_BLOCK_IDS } from './raw-idb';


type Predicate = (lead: Lead) => boolean;
const compile = (rules: RuleSet, timeZone: string): Predicate =>
  compileRules(rules, { now: Date.now(), timeZone, customFields: BENCH_CUSTOM_FIELDS }) as Predicate;

let dbPromise: Promise<IDBDatabase> | undefined;
const db = () => (dbPromise ??= openRaw());
let changed: { predicates: Predicate[]; keys: Array<[string, string]> } | undefined;

/**
 * Raw full refresh: the leads read in key order in chunks of `chunk` (one readwrite transaction
 * each, as the product's refresh), `rules` evaluated by the product's engine, and the chunk's
 * members written packed ({@link RAW_BLOCK_IDS} ids a record). Returns ms and the member count.
 */
async function refresh(rules: RuleSet, timeZone: string, chunk = 2000): Promise<{ ms: number; members: number }> {
  const raw = await db();
  const segmentId = 'raw-refresh';
  const clear = raw.transaction('blocks', 'readwrite');
  clear.objectStore('blocks').delete(IDBKeyRange.bound([segmentId, ''], [segmentId, '\uffff']));
  await committed(clear);
  const started = performance.now();
  const predicate = compile(rules, timeZone);
  let after: string | undefined;
  let members = 0;
  for (;;) {
    const tx = raw.transaction(['leads', 'blocks'], 'readwrite');
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const leads = (await request(tx.objectStore('leads').getAll(range, chunk))) as Lead[];
    const ids: string[] = [];
    for (const lead of leads) if (predicate(lead)) ids.push(lead.id);
    const blocks = tx.objectStore('blocks');
    for (const block of packBlocks(segmentId, ids, Date.now())) blocks.put(block);
    await committed(tx);
    members += ids.length;
    if (leads.length < chunk) break;
    after = leads[leads.length - 1]!.id;
  }
  return { ms: performance.now() - started, members };
}

/**
 * Sets up the "one changed lead, 50 active segments" baseline: `lead` stored, and one packed block
 * per segment holding it and the ids after it ({@link RAW_BLOCK_IDS} ids), plus the segments' rules.
 */
async function prepareChanged(lead: Lead, segments: RuleSet[], timeZone: string): Promise<void> {
  const raw = await db();
  const first = Number(lead.crmId);
  const ids = Array.from({ length: RAW_BLOCK_IDS }, (_, i) => `${lead.crmKey}/${String(first + i).padStart(lead.crmId.length, '0')}`);
  const blocks = segments.map((_, k) => packBlocks(`changed-${k}`, ids, Date.now())[0]!);
  await putAll(raw, 'blocks', blocks);
  await putAll(raw, 'leads', [lead]);
  changed = { predicates: segments.map((rules) => compile(rules, timeZone)), keys: blocks.map((b) => [b.segmentId, b.start]) };
}

/**
 * Raw single-lead ingest at its limit: read the stored version, put the new one, evaluate the 50
 * segments on both, and read + rewrite only the blocks of the segments whose membership changed.
 * Returns how many blocks were rewritten.
 */
async function ingestChanged(lead: Lead): Promise<number> {
  if (!changed) throw new Error('prepareChanged first');
  const tx = (await db()).transaction(['leads', 'blocks'], 'readwrite');
  const leads = tx.objectStore('leads');
  const old = (await request(leads.get(lead.id))) as Lead | undefined;
  leads.put(lead);
  const blocks = tx.objectStore('blocks');
  const moved = changed.keys.filter((_, k) => old === undefined || changed!.predicates[k]!(old) !== changed!.predicates[k]!(lead));
  const read = await Promise.all(moved.map((key) => request(blocks.get(key))));
  for (const block of read) blocks.put(block);
  await committed(tx);
  return moved.length;
}

/** Raw "Sync all": every API page fetched, converted by the product's adapter, raw put (one transaction a page). */
async function sync(origin: string): Promise<{ ms: number; leads: number }> {
  const raw = await db();
  await clearRaw(raw);
  const started = performance.now();
  const fetchFn = (input: string, init?: RequestInit) => fetch(input, { credentials: 'include', ...init });
  const url = new URL(`${origin}/leads`);
  const crmKey = demoCrmAdapter.crmKey(url);
  const customFields = await demoCrmAdapter.fetchCustomFields(origin, fetchFn);
  let count = 0;
  for await (const page of demoCrmAdapter.fetchAllLeads(origin, fetchFn)) {
    const batch = convertRecords(demoCrmAdapter, page.records, { crmKey, syncedAt: Date.now(), customFields });
    await putAll(raw, 'leads', batch.leads);
    count += batch.leads.length;
  }
  return { ms: performance.now() - started, leads: count };
}

/**
 * Raw reads of the product's database in this worker (the cold-preview baselines): every record
 * of the lead copy's snapshot one by one (`snapshot`), or every lead in key order, `chunk` a read
 * (`leads`). Returns ms (opening the database included) and the records read.
 */
async function rawProductRead(what: 'snapshot' | 'leads', chunk = 5000): Promise<{ ms: number; records: number }> {
  const started = performance.now();
  const product = await openExisting('crm-segments');
  let records = 0;
  try {
    if (what === 'snapshot') {
      const keys = await request(product.transaction('leadSnapshot').objectStore('leadSnapshot').getAllKeys());
      for (const key of keys) if ((await request(product.transaction('leadSnapshot').objectStore('leadSnapshot').get(key))) !== undefined) records++;
    } else {
      for (let after: IDBValidKey | undefined; ; ) {
        const rows = (await request(product.transaction('leads').objectStore('leads').getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), chunk))) as Lead[];
        records += rows.length;
        if (rows.length < chunk) break;
        after = rows[rows.length - 1]!.id;
      }
    }
  } finally {
    product.close();
  }
  return { ms: performance.now() - started, records };
}

/** The worker's baseline entry points. */
export const workerKit = {
  clear: async () => clearRaw(await db()),
  refresh,
  prepareChanged,
  sync,
  rawProductRead,
};

type Port = { name: string; onMessage: { addListener(f: (m: { id: number; op: string; leads?: Lead[]; lead?: Lead }) => void): void }; postMessage(m: unknown): void };
const runtime = (globalThis as unknown as { chrome: { runtime: { onConnect: { addListener(f: (port: Port) => void): void } } } }).chrome.runtime;
runtime.onConnect.addListener((port) => {
  if (port.name !== RAW_PORT) return;
  port.onMessage.addListener((message) => {
    const store = message.op === 'put' ? 'leads' : message.op === 'put-indexed' ? 'leadsIndexed' : undefined;
    const work = store ? db().then((raw) => putAll(raw, store, message.leads ?? []).then(() => message.leads?.length ?? 0)) : ingestChanged(message.lead!);
    work.then(
      (result) => port.postMessage({ id: message.id, ok: true, result }),
      (error: unknown) => port.postMessage({ id: message.id, ok: false, error: String(error) }),
    );
  });
});
(globalThis as unknown as { __benchWorker: typeof workerKit }).__benchWorker = workerKit;
