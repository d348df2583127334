import Dexie from 'dexie';
import type { CrmSegmentsDB } from './database';

/** The name of one table of {@link CrmSegmentsDB}. */
export type TableName = 'leads' | 'segments' | 'memberBlocks' | 'campaigns' | 'customFields' | 'segmentHistory' | 'jobs' | 'meta' | 'leadSnapshot';

/** Every table: only for whole-database operations (backup, restore, "Delete all data"). */
export const ALL_TABLES: readonly TableName[] = ['leads', 'segments', 'memberBlocks', 'campaigns', 'customFields', 'segmentHistory', 'jobs', 'meta', 'leadSnapshot'];

/**
 * Tables a segment (re)evaluation may touch: leads read; memberships, segments, history, jobs;
 * custom fields read; meta for the kept lead count (a refresh job's total). `campaigns` stays free.
 */
export const SEGMENT_TABLES: readonly TableName[] = ['leads', 'segments', 'memberBlocks', 'segmentHistory', 'jobs', 'customFields', 'meta'];

/**
 * Runs `body` in one read-write Dexie transaction over `tables` — only the tables the body (and
 * every repository function it calls) reads or writes, so other writers are not held up — and the
 * repository calls made inside it commit or roll back together (docs/semantics.md §5: membership
 * difference, member counts, today's history row and a job cursor in one transaction). A table
 * left out fails loudly (Dexie: "Table … not part of transaction").
 *
 * Rules for code running inside (Dexie keeps the transaction alive across native `await`s only
 * under these conditions; breaking them gives PrematureCommitError, dexie/Dexie.js#1186):
 * - await only Dexie operations (no fetch, timers, or other async APIs);
 * - every awaited function awaits a Dexie operation, or returns a Dexie promise (`settled`), on
 *   EVERY path — an async function that returns without touching Dexie ends the transaction.
 * The scope function handed to Dexie is always a native `async` function (Dexie only tracks
 * awaits for those), whatever kind of function `body` is.
 */
export function writeTransaction<T>(db: CrmSegmentsDB, tables: readonly TableName[], body: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...tables], async () => await body());
}

/** {@link writeTransaction} over {@link SEGMENT_TABLES}: what a segment refresh chunk reads and writes. */
export function refreshTransaction<T>(db: CrmSegmentsDB, body: () => Promise<T>): Promise<T> {
  return writeTransaction(db, SEGMENT_TABLES, body);
}

/** Runs `body` in one read-only transaction over every table (a consistent snapshot). */
export function readTransaction<T>(db: CrmSegmentsDB, body: () => Promise<T>): Promise<T> {
  return db.transaction('r', db.tables, async () => await body());
}

/** Whether the code runs inside a read-write transaction that covers `table`. */
export function inWriteTransactionOver(table: TableName): boolean {
  const tx = Dexie.currentTransaction;
  return tx !== null && tx !== undefined && tx.active && tx.mode === 'readwrite' && tx.storeNames.includes(table);
}

/**
 * Runs `work` outside any transaction in progress: a read it starts (e.g. loading a cache, asked
 * for from inside a write transaction) is its own transaction, never a part of the caller's.
 */
export function outsideTransaction<T>(work: () => T): T {
  return Dexie.ignoreTransaction(work);
}
