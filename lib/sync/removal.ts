import { getLeads, type CrmSegmentsDB } from '../db';
import { clearPendingRemoval, getPendingRemoval, setPendingRemoval } from '../db/pending-removal';
import { deleteLeads } from '../segments';

/** A complete sync removes at most this share of a CRM's stored leads without asking the user. */
export const REMOVAL_CONFIRM_SHARE = 0.1;

/** What happened to the stored leads a sync did not receive. */
export interface RemovalOutcome {
  deleted: number;
  /** Kept: the sync was incomplete, or they wait for the user's confirmation. */
  kept: number;
  /** Waiting for the user's confirmation (also counted in `kept`). */
  pendingRemoval: number;
}

/**
 * Settles the stored leads of `crmKey` that a "Sync all" did not receive (`seen`: lead ids), by
 * the rules of issue 9 item 1: an incomplete sync removes nothing; a complete one removes them
 * when they are at most 10% of the CRM's leads stored before the sync (`storedIds`, read when it
 * started: a lead stored meanwhile by another path is never a candidate), and otherwise stores a
 * pending removal the user must confirm ({@link resolvePendingRemoval}). Reads nothing when every
 * lead stored before was received (no key scan of the CRM's leads after the pages were stored).
 */
export async function settleAbsentLeads(
  db: CrmSegmentsDB,
  sync: { crmKey: string; seen: ReadonlySet<string>; complete: boolean; storedIds: readonly string[]; startedAt: number },
  at: { now: number; timeZone: string },
): Promise<RemovalOutcome> {
  const absent = sync.storedIds.filter((id) => !sync.seen.has(id));
  if (absent.length === 0) return { deleted: 0, kept: 0, pendingRemoval: 0 };
  if (!sync.complete) return { deleted: 0, kept: absent.length, pendingRemoval: 0 };
  const storedBefore = sync.storedIds.length;
  if (absent.length > storedBefore * REMOVAL_CONFIRM_SHARE) {
    await setPendingRemoval(db, { crmKey: sync.crmKey, leadIds: absent, storedBefore, syncStartedAt: sync.startedAt });
    return { deleted: 0, kept: absent.length, pendingRemoval: absent.length };
  }
  return { deleted: await deleteLeads(db, absent, at), kept: 0, pendingRemoval: 0 };
}

/**
 * Answers the pending removal: `remove` deletes its leads that were not synced again since
 * (with their memberships, exact counts); otherwise they are kept. Either way it is cleared.
 * Returns how many leads were deleted and kept (0/0 when nothing was pending).
 */
export async function resolvePendingRemoval(
  db: CrmSegmentsDB,
  remove: boolean,
  at: { now: number; timeZone: string },
): Promise<{ deleted: number; kept: number }> {
  const pending = await getPendingRemoval(db);
  if (!pending) return { deleted: 0, kept: 0 };
  await clearPendingRemoval(db);
  if (!remove) return { deleted: 0, kept: pending.leadIds.length };
  const stale = (await getLeads(db, pending.leadIds))
    .filter((lead) => lead !== undefined && lead.syncedAt < pending.syncStartedAt)
    .map((lead) => lead!.id);
  const deleted = await deleteLeads(db, stale, at);
  return { deleted, kept: pending.leadIds.length - deleted };
}
