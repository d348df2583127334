import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { getMeta, setMeta } from './meta';

/**
 * Meta key of the stored lead count (issue 10 item 2): kept exact by the lead writes of
 * `leads.ts`, in the same transaction, so the popup, the sync status, refresh progress and the
 * preview never count 250,000 rows to show one number.
 */
export const LEAD_COUNT_KEY = 'leadCount';

const CountSchema = lazySchema(() => z.number().int().min(0));

/**
 * Number of stored leads: the kept count, or a real count when there is none yet (a database from
 * before the count existed, or leads written around the repository, e.g. test fixtures).
 */
export async function storedLeadCount(db: CrmSegmentsDB): Promise<number> {
  const kept = await keptLeadCount(db);
  return kept ?? db.leads.count();
}

/** The kept lead count, or null when there is none yet (see {@link storedLeadCount}). */
export function keptLeadCount(db: CrmSegmentsDB): Promise<number | null> {
  return getMeta(db, LEAD_COUNT_KEY, CountSchema.nullable(), null);
}

/** Sets the kept lead count. Call inside the transaction of the lead write it describes. */
export async function setKeptLeadCount(db: CrmSegmentsDB, count: number): Promise<void> {
  await setMeta(db, LEAD_COUNT_KEY, CountSchema, Math.max(0, count));
}

/**
 * Moves the kept count by `delta` (leads added minus leads deleted). Call inside the transaction
 * of the lead write it describes, BEFORE that write: without a kept count yet, the rows stored so
 * far are counted (once).
 */
export async function adjustLeadCount(db: CrmSegmentsDB, delta: number): Promise<void> {
  const kept = await keptLeadCount(db);
  if (delta === 0 && kept !== null) return;
  const before = kept ?? (await db.leads.count());
  await setKeptLeadCount(db, before + delta);
}
