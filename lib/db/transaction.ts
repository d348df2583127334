import type { CrmSegmentsDB } from './database';

/**
 * Runs `body` in one read-write Dexie transaction over every table, so the repository calls made
 * inside it commit or roll back together (docs/semantics.md §5: membership difference, member counts, today's
 * history row and a job cursor in one transaction).
 *
 * Rules for code running inside (Dexie keeps the transaction alive across native `await`s only
 * under these conditions; breaking them gives PrematureCommitError, dexie/Dexie.js#1186):
 * - await only Dexie operations (no fetch, timers, or other async APIs);
 * - every awaited function awaits a Dexie operation, or returns a Dexie promise (`settled`), on
 *   EVERY path — an async function that returns without touching Dexie ends the transaction.
 * The scope function handed to Dexie is always a native `async` function (Dexie only tracks
 * awaits for those), whatever kind of function `body` is.
 */
export function writeTransaction<T>(db: CrmSegmentsDB, body: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tables, async () => await body());
}

/**
 * Like {@link writeTransaction}, over the tables a segment refresh chunk reads and writes only
 * (leads read; memberships, segments, history, jobs; custom fields read; meta for the kept lead
 * count of a dependent segment's new job): `campaigns` and any other table stay free.
 */
export function refreshTransaction<T>(db: CrmSegmentsDB, body: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.leads, db.segments, db.memberBlocks, db.segmentHistory, db.jobs, db.customFields, db.meta], async () => await body());
}

/** Runs `body` in one read-only transaction over every table (a consistent snapshot). */
export function readTransaction<T>(db: CrmSegmentsDB, body: () => Promise<T>): Promise<T> {
  return db.transaction('r', db.tables, async () => await body());
}
