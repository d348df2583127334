import type { CrmAdapter, FetchFn } from '../adapters/types';
import { listCampaigns, listCustomFields, putCustomFields, upsertCrmCampaigns, type CrmSegmentsDB } from '../db';
import type { IngestReport } from '../messaging/protocol';
import { deleteLeads, ingestLeads } from '../segments';
import { convertRecords } from './convert';
import { withStoredValues } from './keep-stored';

/** How many lead records are fetched from the CRM at once. */
const FETCH_CONCURRENCY = 6;

/** Options of {@link syncVisibleLeads}. */
export interface SyncVisibleOptions {
  db: CrmSegmentsDB;
  adapter: CrmAdapter;
  pageUrl: string;
  /** CRM record ids seen on the page. */
  crmIds: readonly string[];
  fetchFn: FetchFn;
  clock: () => number;
  timeZone: string;
}

/** Outcome of a visible-row sync: the ingest report, the membership difference, and deletions. */
export interface SyncVisibleResult {
  report: IngestReport;
  /**
   * The ingest's own membership difference: lead id → ids of every segment it belongs to now, for
   * each lead whose memberships changed (`[]` for a deleted lead). Pushed to badges as it is.
   */
  memberships: Record<string, string[]>;
  deleted: number;
}

/**
 * Syncs the leads a CRM page shows (docs/semantics.md §6, issue #3 item 5). A list row shows only some of a
 * lead's fields, so rows are never ingested as they are: each lead's full record is re-fetched
 * through the CRM API, converted and stored incrementally — nothing the row does not show is
 * blanked. A record the CRM answers 404 for is deleted (docs/semantics.md §6). Custom field definitions and
 * campaigns are fetched first when the store has none yet. Throws `CrmApiError` when the CRM is
 * unreachable; nothing is written then.
 */
export async function syncVisibleLeads(options: SyncVisibleOptions): Promise<SyncVisibleResult> {
  const { db, adapter, fetchFn, clock, timeZone } = options;
  const url = new URL(options.pageUrl);
  const origin = url.origin;
  const crmKey = adapter.crmKey(url);
  let customFields = await listCustomFields(db);
  if (customFields.length === 0) {
    await putCustomFields(db, await adapter.fetchCustomFields(origin, fetchFn));
    customFields = await listCustomFields(db);
  }
  if ((await listCampaigns(db)).length === 0) await upsertCrmCampaigns(db, await adapter.fetchCampaigns(origin, fetchFn));

  const ids = [...new Set(options.crmIds)];
  const records: unknown[] = [];
  const gone: string[] = [];
  for (let i = 0; i < ids.length; i += FETCH_CONCURRENCY) {
    const slice = ids.slice(i, i + FETCH_CONCURRENCY);
    const fetched = await Promise.all(slice.map((crmId) => adapter.fetchLead(origin, crmId, fetchFn)));
    fetched.forEach((record, j) => (record === null ? gone.push(`${crmKey}/${slice[j]}`) : records.push(record)));
  }
  const now = clock();
  const batch = convertRecords(adapter, records, { crmKey, syncedAt: now, customFields });
  const merged = await withStoredValues(db, batch.leads, batch.missing);
  const { report, changes } = await ingestLeads(db, merged.leads, { now, timeZone });
  const deleted = gone.length ? await deleteLeads(db, gone, { now, timeZone }) : 0;
  return {
    report: {
      ...report,
      received: ids.length,
      skipped: [...batch.skipped, ...report.skipped],
      nulledValues: batch.nulledValues,
    },
    memberships: { ...changes, ...Object.fromEntries(gone.map((leadId) => [leadId, []])) },
    deleted,
  };
}
