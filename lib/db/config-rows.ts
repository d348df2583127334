import type { CustomFieldDef, RefreshJob, Segment } from '../schema';
import { CONFIG_STAMP_KEY, transactionStamp } from './config-stamp';
import { listCustomFields } from './custom-fields';
import type { CrmSegmentsDB } from './database';
import { listJobs } from './jobs';
import { listSegments } from './segments';

/** Every segment, custom field definition and pending job, as one transaction sees them. */
export interface ConfigRows {
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  jobs: readonly RefreshJob[];
}

/** Per database instance: the rows and the stamp they were read (or written) with. */
const kept = new WeakMap<CrmSegmentsDB, { stamp: string; rows: ConfigRows }>();

/** Freezes the rows and their lists (shared by every ingest that finds them current: nobody may change them). */
function frozen(rows: ConfigRows): ConfigRows {
  for (const list of [rows.segments, rows.customFields, rows.jobs]) for (const row of list) Object.freeze(row);
  return Object.freeze({ segments: Object.freeze([...rows.segments]), customFields: Object.freeze([...rows.customFields]), jobs: Object.freeze([...rows.jobs]) });
}

/** The three tables read in the caller's transaction (side by side), frozen. */
async function readLists(db: CrmSegmentsDB): Promise<ConfigRows> {
  const [segments, customFields, jobs] = await Promise.all([listSegments(db), listCustomFields(db), listJobs(db)]);
  return frozen({ segments, customFields, jobs });
}

/** Keeps `rows` under the stored stamp, or, when none is stored, under one written now. */
function keepRead(db: CrmSegmentsDB, storedStamp: unknown, rows: ConfigRows): ConfigRows {
  const stamp = typeof storedStamp === 'string' ? storedStamp : transactionStamp({ write: true })?.stamp;
  if (stamp === undefined) kept.delete(db);
  else kept.set(db, { stamp, rows });
  return rows;
}

/**
 * Every segment, custom field and pending job (issue 10: one changed lead with 50 active
 * segments), from this context's memory when the stored configuration stamp (`config-stamp.ts`)
 * is the one they were kept with, else read (one round trip more when a kept copy turns out
 * stale). The stamp is read in the caller's transaction, so the answer is exactly what reading
 * the tables there would give. Call inside a read-write transaction over segments, customFields,
 * jobs and meta. The rows are frozen.
 */
export async function readConfigRows(db: CrmSegmentsDB): Promise<ConfigRows> {
  const held = kept.get(db);
  if (held) {
    const row = await db.meta.get(CONFIG_STAMP_KEY);
    return row?.value === held.stamp ? held.rows : keepRead(db, row?.value, await readLists(db));
  }
  const [row, rows] = await Promise.all([db.meta.get(CONFIG_STAMP_KEY), readLists(db)]);
  return keepRead(db, row?.value, rows);
}

/**
 * Keeps `rows` — the configuration as the running transaction leaves it — when the only
 * configuration writes of the transaction are puts of the segments `rows` holds as written
 * (`writtenSegments`: their ids); after any other write the kept copy is dropped (the next read
 * reads the tables). Call inside the transaction, after its configuration writes. A transaction
 * that rolls back leaves the stored stamp unchanged, which the copy kept here then does not match.
 */
export function keepConfigRows(db: CrmSegmentsDB, rows: ConfigRows, writtenSegments: ReadonlySet<string>): void {
  const entry = transactionStamp();
  if (!entry || entry.writes.length === 0) return;
  const onlyThose = entry.writes.every((w) => w.table === 'segments' && w.type === 'put' && w.keys !== undefined && w.keys.every((key) => writtenSegments.has(key as string)));
  if (onlyThose) kept.set(db, { stamp: entry.stamp, rows: frozen(rows) });
  else kept.delete(db);
}

/** Forgets the kept rows of `db` (tests; a caller that changed them outside the stamp's knowledge never exists). */
export function forgetConfigRows(db: CrmSegmentsDB): void {
  kept.delete(db);
}
