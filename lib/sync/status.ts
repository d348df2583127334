import { getMeta, setMeta, storedLeadCount, type CrmSegmentsDB } from '../db';
import type { SyncStatus } from '../messaging/protocol';
import { z } from '../schema';

/** Meta key of the persisted {@link SyncStatus} (the popup reads it with a live query). */
export const SYNC_STATUS_KEY = 'syncStatus';

const SkippedSchema = z.object({ ref: z.string(), reason: z.string() });

/** Persisted sync status (issue #3 item 4). `leadCount` is the store's count when written. */
export const SyncStatusSchema = z.object({
  leadCount: z.number().int().min(0),
  lastSyncAt: z.number().optional(),
  running: z.boolean(),
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0).optional() }).optional(),
  lastReport: z
    .object({
      crmKey: z.string(),
      received: z.number().int(),
      stored: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.array(SkippedSchema),
      nulledValues: z.number().int(),
      deleted: z.number().int(),
      startedAt: z.number(),
      finishedAt: z.number(),
      complete: z.boolean().optional(),
      incompleteReason: z.string().optional(),
      kept: z.number().int().optional(),
      pendingRemoval: z.number().int().optional(),
      truncatedValues: z.number().int().optional(),
      partialRecords: z.number().int().optional(),
    })
    .optional(),
  lastError: z.string().optional(),
  pendingRemoval: z.object({ crmKey: z.string(), count: z.number().int().min(0), of: z.number().int().min(0) }).optional(),
});

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
