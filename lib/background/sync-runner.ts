import type { CrmAdapter, FetchFn } from '../adapters/types';
import type { CrmSegmentsDB } from '../db';
import { getPendingRemoval } from '../db/pending-removal';
import type { SyncReport, SyncStatus } from '../messaging/protocol';
import type { Lead } from '../schema';
import type { KnownLeads } from '../segments';
import { describeFailure, UserFacingError } from '../messaging/router';
import { formatCount, formatNumber } from '../format/number';
import type { RequestLimits } from '../sync/guarded-fetch';
import { SyncCancelledError } from '../sync/guarded-fetch';
import { resolvePendingRemoval } from '../sync/removal';
import { readSyncStatus, updateSyncStatus } from '../sync/status';
import { syncAllLeads } from '../sync/sync-all';

/** Shown when a sync was running in a background that stopped (service worker ended, browser quit). */
export const INTERRUPTED_SYNC =
  'The last sync was interrupted (the extension’s background stopped). No lead was removed; run Sync all again.';

/**
 * What a failed sync kept, said after its error: the pages committed before the failure stay
 * (each page commits with its leads), and a failed sync never removes a lead (removal runs only
 * after the last page). `stored`: leads written new or changed; `unchanged`: received and equal.
 */
export function savedBeforeFailure(saved: { stored: number; unchanged: number }): string {
  const none = 'no stored lead was removed.';
  if (saved.stored + saved.unchanged === 0) return `No lead was saved from this sync; ${none}`;
  const upToDate = saved.unchanged ? ` (${formatNumber(saved.unchanged)} more ${saved.unchanged === 1 ? 'was' : 'were'} already up to date)` : '';
  return `Before it stopped, ${formatCount(saved.stored, 'lead was', 'leads were')} saved${upToDate}; ${none}`;
}

/** What the runner needs from the background service. */
export interface SyncRunnerPorts {
  db: CrmSegmentsDB;
  fetchFn: FetchFn;
  clock: () => number;
  timeZone: () => Promise<string>;
  /** Leads were written or deleted: invalidate caches, kick refresh jobs. */
  leadsChanged(): void;
  /** Memberships of these leads changed (badge pushes). */
  membershipsChanged(leadIds: string[]): void;
  reportError(context: string, error: unknown): void;
  /** Request limits of every sync (tests inject small timeouts). */
  limits?: Partial<RequestLimits>;
  /** The in-memory copy of the stored leads ingest compares against (`IngestOptions.known`). */
  known?: () => KnownLeads | undefined;
}

/** "Sync all" as the background runs it: one at a time, cancellable, never shown running when it is not. */
export interface SyncRunner {
  /**
   * Runs "Sync all" with `adapter` from `pageUrl`; `prepare` runs first, inside the running state;
   * `onLeads` sees every page's converted leads.
   */
  run(adapter: CrmAdapter, pageUrl: string, prepare?: () => Promise<void>, onLeads?: (leads: readonly Lead[]) => void): Promise<SyncReport>;
  /** True while a sync runs in this background. */
  isRunning(): boolean;
  /** The running sync's latest progress (leads fetched and stored so far, the CRM's total when known), else undefined. */
  progress(): { done: number; total?: number } | undefined;
  /** Cancels the running sync (its answer becomes "Sync cancelled…"); false when none runs. */
  cancel(): { cancelled: boolean };
  /** Answers the pending removal question (issue 9 item 1). */
  resolveRemoval(remove: boolean): Promise<{ deleted: number; kept: number }>;
  /** The status, corrected: a stored "running" with no sync running here is cleared first. */
  status(): Promise<SyncStatus>;
  /** Start-up: clears a sync left "running" by a background that stopped (issue 9 item 3). */
  recover(): Promise<void>;
}

/**
 * Creates the runner (issue 9 items 1–3). Only one sync runs at a time; its AbortController is
 * cancelled by {@link SyncRunner.cancel}. The persisted status says `running` only while this
 * background really runs a sync: start-up and every status read clear a stale one.
 */
export function createSyncRunner(ports: SyncRunnerPorts): SyncRunner {
  const { db, clock } = ports;
  let controller: AbortController | null = null;
  let latest: { done: number; total?: number } | undefined;

  const clearStale = async (): Promise<void> => {
    if (controller) return;
    const stored = await readSyncStatus(db);
    if (stored.running && !controller) {
      await updateSyncStatus(db, { running: false, progress: undefined, lastError: INTERRUPTED_SYNC });
    }
  };

  return {
    async run(adapter, pageUrl, prepare, onLeads) {
      if (controller) throw new UserFacingError('A sync is already running.');
      const current = new AbortController();
      controller = current;
      latest = { done: 0 };
      const saved = { stored: 0, unchanged: 0 };
      try {
        await updateSyncStatus(db, { running: true, progress: { done: 0 }, lastError: undefined, pendingRemoval: undefined });
        await prepare?.();
        const report = await syncAllLeads({
          db,
          adapter,
          pageUrl,
          fetchFn: ports.fetchFn,
          clock,
          timeZone: await ports.timeZone(),
          signal: current.signal,
          ...(ports.limits ? { limits: ports.limits } : {}),
          ...(ports.known ? { known: ports.known } : {}),
          onProgress: (progress) => {
            latest = progress;
          },
          // Each page's progress commits with the page's leads: the header's lead count and the sync
          // bar always agree, and no progress write queues between two pages.
          storeProgress: (progress) => updateSyncStatus(db, { progress }),
          onPageStored: (page) => {
            saved.stored += page.stored;
            saved.unchanged += page.unchanged;
          },
          onMembershipChanges: (leadIds) => ports.membershipsChanged(leadIds),
          ...(onLeads ? { onLeads } : {}),
        });
        const pending = report.pendingRemoval ? await getPendingRemoval(db) : undefined;
        ports.leadsChanged();
        await updateSyncStatus(db, {
          running: false,
          progress: undefined,
          lastSyncAt: report.finishedAt,
          lastReport: report,
          ...(pending ? { pendingRemoval: { crmKey: pending.crmKey, count: pending.leadIds.length, of: pending.storedBefore } } : {}),
        });
        return report;
      } catch (error) {
        ports.leadsChanged();
        if (error instanceof SyncCancelledError) {
          await updateSyncStatus(db, { running: false, progress: undefined, lastError: undefined }).catch(() => undefined);
          throw error;
        }
        const lastError = `${describeFailure(error)} ${savedBeforeFailure(saved)}`;
        await updateSyncStatus(db, { running: false, progress: undefined, lastError }).catch(() => undefined);
        throw new UserFacingError(lastError);
      } finally {
        controller = null;
        latest = undefined;
      }
    },

    isRunning: () => controller !== null,

    progress: () => (controller ? latest : undefined),

    cancel() {
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    async resolveRemoval(remove) {
      if (controller) throw new UserFacingError('Wait for the running sync to finish.');
      const outcome = await resolvePendingRemoval(db, remove, { now: clock(), timeZone: await ports.timeZone() });
      const status = await readSyncStatus(db);
      const report = status.lastReport;
      await updateSyncStatus(db, {
        pendingRemoval: undefined,
        ...(report
          ? { lastReport: { ...report, deleted: report.deleted + outcome.deleted, kept: Math.max(0, (report.kept ?? 0) - outcome.deleted), pendingRemoval: undefined } }
          : {}),
      });
      if (outcome.deleted > 0) ports.leadsChanged();
      return outcome;
    },

    async status() {
      await clearStale();
      const status = await readSyncStatus(db);
      return controller ? status : { ...status, running: false };
    },

    recover: clearStale,
  };
}
