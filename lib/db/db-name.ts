/**
 * The database's name and IndexedDB version, apart from the Dexie class (`database.ts`) so that a
 * page's first script can open the database raw without loading Dexie (`early-read.ts`).
 */

/** Name of the IndexedDB database. */
export const DB_NAME = 'crm-segments';

/**
 * The IndexedDB version of the current schema: Dexie stores `this.version(n)` as n × 10. Raise it
 * with every new `this.version(n)` in `database.ts` (db/early-read.test.ts compares the two).
 */
export const IDB_VERSION = 30;
