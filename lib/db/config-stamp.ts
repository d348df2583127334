import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware, type Transaction } from 'dexie';

/**
 * The configuration stamp (issue 10: one changed lead with 50 active segments): a meta row whose
 * value is a random id written in the same IndexedDB transaction as EVERY write of the segments,
 * custom fields or jobs tables (one id per transaction), by a Dexie middleware, so no write path
 * can forget it: repository writes, `clear()` of a restore or "Delete all data", a migration.
 * A copy of those rows kept in memory is current exactly when the stored stamp is still the one
 * it was read with (`config-rows.ts`). Unlike a counter, a stamp never comes back: backups leave
 * it out and a restore never writes it (`CONFIG_STAMP_KEY` is filtered on both sides), and a
 * cleared meta table leaves no stamp, which no copy matches.
 */
export const CONFIG_STAMP_KEY = 'configStamp';

/** The tables the stamp covers. */
export const CONFIG_TABLES: ReadonlySet<string> = new Set(['segments', 'customFields', 'jobs']);

/** One write of a configuration table in a transaction: its kind and the primary keys it names. */
export interface ConfigWrite {
  table: string;
  type: DBCoreMutateRequest['type'];
  /** Primary keys written or deleted; undefined for a range delete (`clear()`). */
  keys: readonly unknown[] | undefined;
}

/** The stamp of a read-write transaction and the configuration writes it made so far. */
export interface TransactionStamp {
  stamp: string;
  writes: ConfigWrite[];
}

const stamps = new WeakMap<object, TransactionStamp>();

/** A new random id (128 bits, hex). */
function newStamp(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stamp of the IndexedDB transaction `idbtrans`, created on first use. */
function stampOf(idbtrans: object): TransactionStamp {
  let entry = stamps.get(idbtrans);
  if (!entry) stamps.set(idbtrans, (entry = { stamp: newStamp(), writes: [] }));
  return entry;
}

/** Primary keys a mutate request names (inbound keys read from the values). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): readonly unknown[] | undefined {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return undefined;
  if (req.keys) return req.keys;
  const keyPath = table.schema.primaryKey.keyPath;
  return typeof keyPath === 'string' ? req.values.map((value) => (value as Record<string, unknown>)[keyPath]) : undefined;
}

/** Writes the transaction's stamp in its own request (an error aborts the transaction, as IndexedDB does by default). */
function putStamp(idbtrans: IDBTransaction, entry: TransactionStamp): void {
  idbtrans.objectStore('meta').put({ key: CONFIG_STAMP_KEY, value: entry.stamp });
}

/**
 * The Dexie middleware of the stamp: read-write transactions over a configuration table also
 * cover `meta`, and every mutation of such a table writes the transaction's stamp before it.
 * Registered by `CrmSegmentsDB`'s constructor, so every context that opens the database has it.
 */
export const configStampMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'configStamp',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widened = mode === 'readwrite' && !stores.includes('meta') && stores.some((s) => CONFIG_TABLES.has(s)) ? [...stores, 'meta'] : stores;
      return down.transaction(widened, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!CONFIG_TABLES.has(name)) return table;
      return {
        ...table,
        mutate(req) {
          const idbtrans = req.trans as unknown as IDBTransaction;
          const entry = stampOf(idbtrans);
          entry.writes.push({ table: name, type: req.type, keys: keysOf(table, req) });
          putStamp(idbtrans, entry);
          return table.mutate(req);
        },
      };
    },
  }),
};

/** The IndexedDB transaction of the running Dexie read-write transaction, or undefined. */
function currentIdbTransaction(): IDBTransaction | undefined {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  return tx?.idbtrans ?? undefined;
}

/**
 * The stamp the running transaction writes (or has written) and its configuration writes so far;
 * undefined outside a transaction. With `write`, the stamp is written now even without a
 * configuration write (a transaction that found no stamp stored gives the rows it read one).
 * Call inside a read-write transaction over `meta`.
 */
export function transactionStamp(options: { write?: boolean } = {}): TransactionStamp | undefined {
  const idbtrans = currentIdbTransaction();
  if (!idbtrans) return undefined;
  if (!options.write) return stamps.get(idbtrans);
  const entry = stampOf(idbtrans);
  putStamp(idbtrans, entry);
  return entry;
}

/** `rows` of table `tableName` without the stamp's meta row: backups never hold it, restores never write it. */
export function withoutStamp<T>(tableName: string, rows: readonly T[]): T[] {
  return tableName === 'meta' ? rows.filter((row) => (row as { key?: unknown }).key !== CONFIG_STAMP_KEY) : [...rows];
}
