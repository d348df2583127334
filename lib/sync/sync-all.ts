import type { CrmAdapter, FetchFn } from '../adapters/types';
import { listCustomFields, putCustomFields, upsertCrmCampaigns, type CrmSegmentsDB } from '../db';
import type { SyncReport } from '../messaging/protocol';
import { deleteLeadsAbsentFromSync, ingestLeads } from '../segments';
import { convertRecords } from './convert';

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
  /** Lead ids whose memberships changed in a committed page (for live badge pushes). */
  onMembershipChanges?: (leadIds: string[]) => void;
  signal?: AbortSignal;
}

/**
 * "Sync all" (SPEC §6): stores the CRM's custom field definitions and campaigns, then pages
 * through every lead with the adapter, storing each page incrementally (SPEC §5: only changed
 * leads are written, memberships follow in the same transaction). Only after a COMPLETE pass are
 * leads the CRM no longer returns deleted. A failure part-way (CRM down, garbage response) throws
 * the adapter's `CrmApiError` and keeps everything stored so far.
 */
export async function syncAllLeads(options: SyncAllOptions): Promise<SyncReport> {
  const { db, adapter, fetchFn, clock, timeZone } = options;
  const url = new URL(options.pageUrl);
  const origin = url.origin;
  const crmKey = adapter.crmKey(url);
  const startedAt = clock();

  const [customFields, campaigns] = await Promise.all([
    adapter.fetchCustomFields(origin, fetchFn),
    adapter.fetchCampaigns(origin, fetchFn),
  ]);
  await putCustomFields(db, customFields);
  await upsertCrmCampaigns(db, campaigns);
  const knownFields = await listCustomFields(db);

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
  };
  const seen = new Set<string>();
  for await (const page of adapter.fetchAllLeads(origin, fetchFn, options.signal)) {
    const now = clock();
    const batch = convertRecords(adapter, page.records, { crmKey, syncedAt: now, customFields: knownFields }, report.received);
    report.received += page.records.length;
    report.skipped.push(...batch.skipped);
    for (const lead of batch.leads) seen.add(lead.id);
    const { report: ingest, changes } = await ingestLeads(db, batch.leads, { now, timeZone });
    report.stored += ingest.stored;
    report.unchanged += ingest.unchanged;
    report.skipped.push(...ingest.skipped);
    report.nulledValues += batch.nulledValues;
    const changed = Object.keys(changes);
    if (changed.length) options.onMembershipChanges?.(changed);
    options.onProgress?.({ done: page.done, ...(page.total !== undefined ? { total: page.total } : {}) });
  }
  report.deleted = await deleteLeadsAbsentFromSync(db, crmKey, seen, { now: clock(), timeZone });
  report.finishedAt = clock();
  return report;
}
