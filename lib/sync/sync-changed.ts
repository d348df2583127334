import type { CrmAdapter, FetchFn } from '../adapters/types';
import { listCustomFields, putCustomFields, type CrmSegmentsDB } from '../db';
import type { IngestReport } from '../messaging/protocol';
import { ingestLeads } from '../segments';
import { convertRecords } from './convert';
import { guardFetch } from './guarded-fetch';
import { withStoredValues } from './keep-stored';
import { PageGuard } from './page-guard';
import { readAhead } from './read-ahead';
import { crmName } from './sync-all';

/** What an incremental sync of one connected CRM needs. */
export interface SyncChangesOptions {
  db: CrmSegmentsDB;
  adapter: CrmAdapter;
  /** The connected CRM origin, e.g. "http://127.0.0.1:5174". */
  origin: string;
  /** The crmKey its leads are stored under. */
  crmKey: string;
  /** Changes at or after this time of the CRM's clock (epoch ms); undefined = every lead. */
  since: number | undefined;
  fetchFn: FetchFn;
  /** Wall clock, epoch ms. */
  clock: () => number;
  /** Evaluation time zone (IANA). */
  timeZone: string;
  /** Lead ids whose memberships changed in a committed page (for live badge pushes). */
  onMembershipChanges?: (leadIds: string[]) => void;
  signal?: AbortSignal;
}

/** Outcome of an incremental sync: the ingest counts and the CRM time to ask from next time. */
export interface ChangesReport extends IngestReport {
  crmKey: string;
  /** The CRM's clock when it answered (the next `since`); undefined when it did not say. */
  asOf?: number;
  startedAt: number;
  finishedAt: number;
}

/**
 * Incremental sync (issue 10 item 7): fetches only the leads the CRM changed since `since` with
 * the adapter's `fetchChangedLeads`, converts and ingests them page by page (docs/semantics.md §5: only changed
 * leads are written, memberships follow in the same transaction). It NEVER deletes a lead: only a
 * complete "Sync all" may. Custom field definitions are fetched only when none are stored. The
 * same protections as "Sync all" apply: per-request timeout and 429 retries (`guardFetch`), a
 * repeated or endless page stops it (`PageGuard`), a partial record keeps the stored values of
 * the fields it lacks, value sizes are capped.
 * Throws the adapter's `CrmApiError` when the CRM fails part-way (pages stored so far stay, and
 * the caller keeps its old `since`, so nothing is missed) and a plain Error when the adapter
 * cannot list changes.
 */
export async function syncChangedLeads(options: SyncChangesOptions): Promise<ChangesReport> {
  const { db, adapter, origin, crmKey, clock, timeZone, signal } = options;
  if (!adapter.fetchChangedLeads) throw new Error(`${adapter.label} cannot list changed leads, so it is synced only by "Sync all".`);
  const startedAt = clock();
  const guard = guardFetch(options.fetchFn, { crmName: crmName(adapter), signal, clock });
  const fetchFn = guard.fetchFn;
  const pages = new PageGuard(crmName(adapter));
  let customFields = await listCustomFields(db);
  if (customFields.length === 0) {
    await putCustomFields(db, await adapter.fetchCustomFields(origin, fetchFn));
    customFields = await listCustomFields(db);
  }
  const report: ChangesReport = { crmKey, received: 0, stored: 0, unchanged: 0, skipped: [], nulledValues: 0, startedAt, finishedAt: startedAt };
  try {
    for await (const page of readAhead(adapter.fetchChangedLeads(origin, options.since, fetchFn, signal))) {
      if (!pages.accept(page)) break;
      if (report.asOf === undefined && page.asOf !== undefined) report.asOf = page.asOf;
      const now = clock();
      const batch = convertRecords(adapter, page.records, { crmKey, syncedAt: now, customFields }, report.received);
      report.received += page.records.length;
      report.skipped.push(...batch.skipped);
      report.nulledValues += batch.nulledValues;
      const merged = await withStoredValues(db, batch.leads, batch.missing);
      const { report: ingest, changes } = await ingestLeads(db, merged.leads, { now, timeZone });
      report.stored += ingest.stored;
      report.unchanged += ingest.unchanged;
      report.skipped.push(...ingest.skipped);
      const changed = Object.keys(changes);
      if (changed.length) options.onMembershipChanges?.(changed);
    }
  } catch (error) {
    throw guard.failure() ?? error;
  }
  // A run that stopped early must not move `since` past what it did not fetch.
  if (pages.stopReason) delete report.asOf;
  report.finishedAt = clock();
  return report;
}
