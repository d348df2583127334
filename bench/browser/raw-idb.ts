/**
 * Plain IndexedDB, no Dexie: the baselines of `npm run bench:browser` (issue 10 item 8). Runs
 * inside Chromium (bundled into the extension page and the service worker), in the extension's
 * own origin, on a database of its own ({@link RAW_DB}) so the product's data is never touched.
 */

/** The baselines' database (same origin as the product's `crm-segments`). */
export const RAW_DB = 'bench-raw';
/** Ids per packed membership record, as the product's blocks. */
export const RAW_BLOCK_IDS = 1024;

/** A promise of an IndexedDB request's result. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves when the transaction commits; rejects when it aborts. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/**
 * Opens the baselines' database: `leads` (key `id`), `leadsIndexed` (key `id` and a `crmKey`
 * index: the product's leads store schema) and `blocks` (key `[segmentId, start]`).
 */
export function openRaw(): Promise<IDBDatabase> {
  const open = indexedDB.open(RAW_DB, 2);
  open.onupgradeneeded = () => {
    const stores = open.result.objectStoreNames;
    if (!stores.contains('leads')) open.result.createObjectStore('leads', { keyPath: 'id' });
    if (!stores.contains('blocks')) open.result.createObjectStore('blocks', { keyPath: ['segmentId', 'start'] });
    if (!stores.contains('leadsIndexed')) open.result.createObjectStore('leadsIndexed', { keyPath: 'id' }).createIndex('crmKey', 'crmKey');
  };
  return request(open);
}

/** Opens an existing database at its current version (the product's, for read-only baselines). */
export function openExisting(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}

/** Empties the baselines' stores. */
export async function clearRaw(db: IDBDatabase): Promise<void> {
  const tx = db.transaction(['leads', 'leadsIndexed', 'blocks'], 'readwrite');
  tx.objectStore('leads').clear();
  tx.objectStore('leadsIndexed').clear();
  tx.objectStore('blocks').clear();
  await committed(tx);
}

/** Raw put of `rows` into `store`, one transaction. */
export async function putAll(db: IDBDatabase, store: string, rows: readonly unknown[]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  const target = tx.objectStore(store);
  for (const row of rows) target.put(row);
  await committed(tx);
}

/** Sorted member ids as packed records of at most {@link RAW_BLOCK_IDS} ids (the product's layout). */
export function packBlocks(segmentId: string, ids: readonly string[], addedAt: number): Array<{ segmentId: string; start: string; ids: string[]; added: number[] }> {
  const blocks = [];
  for (let i = 0; i < ids.length; i += RAW_BLOCK_IDS) {
    const part = ids.slice(i, i + RAW_BLOCK_IDS);
    blocks.push({ segmentId, start: part[0] as string, ids: part, added: part.map(() => addedAt) });
  }
  return blocks;
}
