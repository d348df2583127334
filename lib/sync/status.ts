import { getMeta, setMeta, storedLeadCount, type CrmSegmentsDB } from '../db';
import { SYNC_STATUS_KEY, SyncStatusSchema, type SyncStatus } from '../schema/sync-status';

export { SYNC_STATUS_KEY, SyncStatusSchema };

const EMPTY: SyncStatus = { leadCount: 0, running: false };

/** The sync status with the current lead count. */
export async function readSyncStatus(db: CrmSegmentsDB): Promise<SyncStatus> {
  const stored = await getMeta(db, SYNC_STATUS_KEY, SyncStatusSchema, EMPTY);
  return { ...stored, leadCount: await storedLeadCount(db) } as SyncStatus;
}

/**
 * The stored sync status as written (its `leadCount` from that time), or null when no sync status
 * was ever stored. Reads one meta row: cheap enough for a live query of the popup.
 */
export async function readStoredSyncStatus(db: CrmSegmentsDB): Promise<SyncStatus | null> {
  return (await getMeta(db, SYNC_STATUS_KEY, SyncStatusSchema.nullable(), null)) as SyncStatus | null;
}

/**
 * Merges `patch` into the stored status (keys set to undefined are removed) and refreshes the lead
 * count. At most the 200 first skipped records of a report are kept, so the row stays small.
 */
export async function updateSyncStatus(db: CrmSegmentsDB, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const current = await getMeta(db, SYNC_STATUS_KEY, SyncStatusSchema, EMPTY);
  const next: Record<string, unknown> = { ...current, ...patch, leadCount: await storedLeadCount(db) };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  const report = next.lastReport as SyncStatus['lastReport'];
  if (report && report.skipped.length > 200) next.lastReport = { ...report, skipped: report.skipped.slice(0, 200) };
  return (await setMeta(db, SYNC_STATUS_KEY, SyncStatusSchema, next)) as SyncStatus;
}
