import { z, lazySchema } from './zod';

/** A record that was skipped, and why (docs/semantics.md §2, §6: skipped and reported, never guessed). */
export const SkippedRecordSchema = lazySchema(() => z.object({
  /** The record's id if it had one, else its position in the batch ("#3"). */
  ref: z.string(),
  reason: z.string(),
}));
export type SkippedRecord = z.infer<typeof SkippedRecordSchema>;

const count = lazySchema(() => z.number().int());

/** Outcome of storing a batch of leads (docs/semantics.md §5 incremental ingest). */
export const IngestReportSchema = lazySchema(() => z.object({
  received: count,
  /** New or changed leads written. */
  stored: count,
  unchanged: count,
  skipped: z.array(SkippedRecordSchema),
  /** Values that could not be converted and were stored as null (docs/semantics.md §2). */
  nulledValues: count,
  /** Of `stored`, the leads that were new (the rest were updated). Set by `ingestLeads`. */
  created: count.optional(),
}));
export type IngestReport = z.infer<typeof IngestReportSchema>;

/** Outcome of a "Sync all" (docs/semantics.md §6). */
export const SyncReportSchema = lazySchema(() => IngestReportSchema.extend({
  crmKey: z.string(),
  /** Leads removed because a complete sync no longer returned them. */
  deleted: count,
  startedAt: z.number(),
  finishedAt: z.number(),
  /**
   * True when every page arrived, the records received equal the CRM's total and none was skipped
   * (issue 9 item 1): only such a sync removes leads. Absent in reports of older versions.
   */
  complete: z.boolean().optional(),
  /** Why the sync is incomplete (plain language), when it is; no lead was removed then. */
  incompleteReason: z.string().optional(),
  /** Stored leads the CRM did not return that were kept (incomplete sync, or waiting for the user). */
  kept: count.optional(),
  /** Leads waiting for the user's confirmation before removal (more than 10% of the CRM's stored leads). */
  pendingRemoval: count.optional(),
  /** Values longer than the ingest caps, stored truncated with a marker. */
  truncatedValues: count.optional(),
  /** Records that lacked fields (or carried them unreadably): the stored values were kept for those fields. */
  partialRecords: count.optional(),
}));
export type SyncReport = z.infer<typeof SyncReportSchema>;

/** Meta key of the persisted {@link SyncStatus} (the popup reads it with a live query). */
export const SYNC_STATUS_KEY = 'syncStatus';

/** State of "Sync all" as the popup header shows it (issue #3 item 4), persisted in a meta row. */
export const SyncStatusSchema = lazySchema(() => z.object({
  /** The store's lead count when written. */
  leadCount: count.min(0),
  lastSyncAt: z.number().optional(),
  running: z.boolean(),
  /** Progress while running: leads fetched so far, and the total when known. */
  progress: z.object({ done: count.min(0), total: count.min(0).optional() }).optional(),
  lastReport: SyncReportSchema.optional(),
  lastError: z.string().optional(),
  /**
   * Leads a complete sync no longer received, more than 10% of the CRM's stored leads: removed
   * only when the user confirms (resolveSyncRemoval). `of`: the CRM's leads stored before the sync.
   */
  pendingRemoval: z.object({ crmKey: z.string(), count: count.min(0), of: count.min(0) }).optional(),
}));
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
