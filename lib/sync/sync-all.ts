import type { CrmAdapter, FetchFn } from '../adapters/types';
import { leadIdsOfCrm, listCustomFields, putCustomFields, SEGMENT_TABLES, upsertCrmCampaigns, writeTransaction, type CrmSegmentsDB } from '../db';
import { clearPendingRemoval } from '../db/pending-removal';
import type { SyncReport } from '../messaging/protocol';
import type { Lead } from '../schema';
import { ingestLeads, type KnownLeads } from '../segments';
import { convertPages } from './convert';
import { guardFetch, SyncCancelledError, type RequestLimits } from './guarded-fetch';
import { withStoredValues } from './keep-stored';
import { PageGuard } from './page-guard';
import { readAhead } from './read-ahead';
import { settleAbsentLeads } from './removal';

/** What a "Sync all" needs: the store, the adapter of the CRM page, and the clock. */
export interface SyncAllOptions {
  db: CrmSegmentsDB;
  adapter: CrmAdapter;
  /** A page of the CRM (the user's active tab); its origin is the CRM API's. */
  pageUrl: string;
  fetchFn: FetchFn;
  /** Wall clock, epoch ms. */
  clock: () => number;
  /** Evaluation time zone (IANA). */
  timeZone: string;
  /** Records fetched so far and the total when the CRM reports it. */
  onProgress?: (progress: { done: number; total?: number }) => void;
  /**
   * Stores the progress of a page INSIDE the transaction that stores the page's leads (Dexie
   * operations only, see `writeTransaction`): the stored progress and the stored leads commit
   * together, so they always agree, and no write of its own waits between two pages.
   */
  storeProgress?: (progress: { done: number; total?: number }) => Promise<unknown>;
  /** A page committed: how many of its leads were stored (new or changed) and found unchanged. */
  onPageStored?: (page: { stored: number; unchanged: number }) => void;
  /** Lead ids whose memberships changed in a committed page (for live badge pushes). */
  onMembershipChanges?: (leadIds: string[]) => void;
  /** Every page's converted leads (the scheduled sync's first `changesSince` comes from them). */
  onLeads?: (leads: readonly Lead[]) => void;
  /** Cancel: aborts the request in flight; pages stored so far stay, nothing is removed. */
  signal?: AbortSignal;
  /** Per-request timeout and HTTP 429 retries (defaults: 30 s, 3 retries). */
  limits?: Partial<RequestLimits>;
  /** Most records one sync accepts (default 250,000). */
  maxRecords?: number;
  /** The background's in-memory copy of the stored leads, for ingest's unchanged-lead check (`IngestOptions.known`). */
  known?: () => KnownLeads | undefined;
}

/** The CRM's name for messages: the adapter label without a "(demo)" style suffix ("Acme CRM"). */
export const crmName = (adapter: CrmAdapter): string => adapter.label.replace(/\s*\([^)]*\)\s*$/, '');

/**
 * "Sync all" (docs/semantics.md §6, issue 9): stores the CRM's custom field definitions and campaigns, then pages
 * through every lead with the adapter, storing each page incrementally (docs/semantics.md §5: only changed
 * leads are written, memberships follow in the same transaction). Faulty answers never lose data:
 * a bad record is skipped and reported (its stored lead untouched), a partial record keeps the
 * stored values of the fields it lacks, a lead sent twice is stored once and reported, values are
 * capped in size, a repeated page / a page past the total / endless pages stop the sync. Stored
 * leads the CRM no longer returns are removed only after a COMPLETE sync (see `PageGuard`), and
 * only with the user's confirmation when they are more than 10% of the CRM's stored leads.
 * Throws `CrmApiError` (CRM down, garbage response, timeout, rate limit) or `SyncCancelledError`,
 * keeping everything stored so far and removing nothing.
 */
export async function syncAllLeads(options: SyncAllOptions): Promise<SyncReport> {
  const { db, adapter, clock, timeZone, signal } = options;
  const url = new URL(options.pageUrl);
  const origin = url.origin;
  const crmKey = adapter.crmKey(url);
  const startedAt = clock();
  const guard = guardFetch(options.fetchFn, { crmName: crmName(adapter), signal, limits: options.limits, clock });
  const report: SyncReport = {
    crmKey,
    received: 0,
    stored: 0,
    unchanged: 0,
    skipped: [],
    nulledValues: 0,
    deleted: 0,
    startedAt,
    finishedAt: startedAt,
    truncatedValues: 0,
    partialRecords: 0,
  };
  const pages = new PageGuard(crmName(adapter), options.maxRecords);
  const seen = new Set<string>();
  try {
    await clearPendingRemoval(db);
    const storedIds = await leadIdsOfCrm(db, crmKey);
    const [customFields, campaigns] = await Promise.all([
      adapter.fetchCustomFields(origin, guard.fetchFn),
      adapter.fetchCampaigns(origin, guard.fetchFn),
    ]);
    await putCustomFields(db, customFields);
    await upsertCrmCampaigns(db, campaigns);
    const knownFields = await listCustomFields(db);

    // The next page is fetched and converted while this one is stored (readAhead); errors surface in the same order.
    const converted = convertPages(adapter, adapter.fetchAllLeads(origin, guard.fetchFn, signal), { crmKey, customFields: knownFields }, clock);
    for await (const { page, batch, syncedAt: now } of readAhead(converted)) {
      if (!pages.accept(page)) break;
      report.received += page.records.length;
      report.skipped.push(...batch.skipped);
      const fresh = batch.leads.filter((lead) => {
        if (!seen.has(lead.id)) {
          seen.add(lead.id);
          return true;
        }
        report.skipped.push({ ref: lead.crmId, reason: 'the CRM sent this lead more than once; the first copy was kept' });
        return false;
      });
      const merged = await withStoredValues(db, fresh, batch.missing);
      options.onLeads?.(merged.leads);
      const progress = { done: page.done, ...(page.total !== undefined ? { total: page.total } : {}) };
      const ingestOptions = { now, timeZone, ...(options.known ? { known: options.known } : {}) };
      const { report: ingest, changes } = await writeTransaction(db, SEGMENT_TABLES, async () => {
        const stored = await ingestLeads(db, merged.leads, ingestOptions);
        await options.storeProgress?.(progress);
        return stored;
      });
      report.stored += ingest.stored;
      report.unchanged += ingest.unchanged;
      report.skipped.push(...ingest.skipped);
      report.nulledValues += batch.nulledValues;
      report.truncatedValues! += batch.truncatedValues;
      report.partialRecords! += merged.partial;
      options.onPageStored?.({ stored: ingest.stored, unchanged: ingest.unchanged });
      const changed = Object.keys(changes);
      if (changed.length) options.onMembershipChanges?.(changed);
      options.onProgress?.(progress);
    }
    signal?.throwIfAborted();
    const incompleteReason = pages.incompleteReason(report.skipped.length);
    report.complete = incompleteReason === undefined;
    if (incompleteReason) report.incompleteReason = incompleteReason;
    const removal = await settleAbsentLeads(
      db,
      { crmKey, seen, complete: report.complete, storedIds, startedAt },
      { now: clock(), timeZone },
    );
    report.deleted = removal.deleted;
    report.kept = removal.kept;
    if (removal.pendingRemoval > 0) report.pendingRemoval = removal.pendingRemoval;
  } catch (error) {
    // Adapters may wrap what the guard raised (e.g. as "not reachable"): report the real cause.
    if (signal?.aborted) throw new SyncCancelledError();
    throw guard.failure() ?? error;
  }
  report.finishedAt = clock();
  return report;
}
