import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { deleteMeta, getMeta, setMeta } from './meta';

/** Meta key of the removal a complete "Sync all" proposes and the user has not answered yet. */
export const PENDING_REMOVAL_KEY = 'sync.pendingRemoval';

/**
 * Leads a complete "Sync all" no longer received, held back because they are more than 10% of the
 * CRM's stored leads (issue 9 item 1): they are removed only when the user confirms.
 * `syncStartedAt`: a lead synced again after this (epoch ms) is no longer removed.
 */
export const PendingRemovalSchema = lazySchema(() => z.object({
  crmKey: z.string().min(1),
  leadIds: z.array(z.string().min(1)),
  /** The CRM's stored leads before the sync (the "of N" of the question). */
  storedBefore: z.number().int().min(0),
  syncStartedAt: z.number(),
}));
export type PendingRemoval = z.infer<typeof PendingRemovalSchema>;

/** The pending removal, or undefined. */
export function getPendingRemoval(db: CrmSegmentsDB): Promise<PendingRemoval | undefined> {
  return getMeta(db, PENDING_REMOVAL_KEY, PendingRemovalSchema.optional(), undefined);
}

/** Stores the pending removal (replacing any earlier one). */
export async function setPendingRemoval(db: CrmSegmentsDB, pending: PendingRemoval): Promise<void> {
  await setMeta(db, PENDING_REMOVAL_KEY, PendingRemovalSchema, pending);
}

/** Forgets the pending removal (answered, or superseded by a new sync). */
export function clearPendingRemoval(db: CrmSegmentsDB): Promise<void> {
  return deleteMeta(db, PENDING_REMOVAL_KEY);
}
