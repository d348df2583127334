import Dexie, { mergeRanges, RangeSet, type Transaction } from 'dexie';
import type { CrmSegmentsDB } from './database';
import type { TableName } from './transaction';
import { CONFIG_TABLES } from './config-stamp';

/** From this many rows on, a put goes straight to IndexedDB (Dexie too marks a whole table changed from 50 rows on). */
const RAW_PUT_MIN_ROWS = 50;

/**
 * Puts `rows` into `table` inside the running Dexie transaction (issue 10 item 4). A bulk of
 * {@link RAW_PUT_MIN_ROWS} rows or more is handed to IndexedDB's own `put` one after another,
 * without Dexie's per-request bookkeeping (an error handler and a result array per row: a
 * measurable share of a 250,000-lead ingest), and the table is marked changed for every live
 * query as Dexie itself marks a bulk write of that size (every key and index). A failing put
 * aborts the transaction, as with `bulkPut`. Resolves (a Dexie promise: the transaction goes on)
 * once every row is stored; smaller puts, or a call outside a transaction, use `bulkPut`.
 */
export function putRows<T extends object>(db: CrmSegmentsDB, table: TableName, rows: readonly T[]): Promise<void> {
  const trans = Dexie.currentTransaction as (Transaction & { idbtrans: IDBTransaction & { mutatedParts?: Record<string, RangeSet> } }) | null;
  const target = db.table<T>(table);
  // A configuration table always goes through Dexie: its writes must write the stamp (`config-stamp.ts`).
  if (!trans || rows.length < RAW_PUT_MIN_ROWS || CONFIG_TABLES.has(table)) return target.bulkPut([...rows]).then(() => undefined);
  const store = trans.idbtrans.objectStore(table);
  for (const row of rows) store.put(row);
  const changed = (trans.idbtrans.mutatedParts ??= {});
  for (const index of ['', ':dels', ...target.schema.indexes.map((i) => i.name)]) {
    const part = `idb://${db.name}/${table}/${index}`;
    const everything = new RangeSet(Dexie.minKey, Dexie.maxKey);
    if (changed[part]) mergeRanges(changed[part], everything);
    else changed[part] = everything;
  }
  // Requests of a transaction complete in order: this read answers once every put above is stored.
  const last = target.schema.primKey.keyPath as string;
  return target.get((rows[rows.length - 1] as Record<string, unknown>)[last] as string).then(() => undefined);
}
