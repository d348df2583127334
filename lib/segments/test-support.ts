/**
 * Shared fixtures for the lib/segments and lib/db tests (not used by production code): fresh
 * fake-indexeddb databases, leads and rule sets.
 */
import { CrmSegmentsDB } from '../db/database';
import type { Lead, RuleSet, SegmentDraft } from '../schema';
import type { SegmentOwner } from './segment-editing';
import type { RefreshProgress, RefreshRunOptions } from './refresh-job';
import { createRefreshJobRunner } from '../background/job-runner';
import { makeTestLead } from '../testing/lead-factory';

let databaseCounter = 0;

/** A new, empty database with a name no other test uses. */
export function openTestDatabase(label = 'test'): CrmSegmentsDB {
  databaseCounter += 1;
  return new CrmSegmentsDB(`${label}-${databaseCounter}-${Math.random().toString(36).slice(2)}`);
}

/** Midday UTC on 2024-06-15: a fixed "now" for tests. */
export const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
export const DAY_MS = 24 * 60 * 60 * 1000;
export const TIME_ZONE = 'UTC';

/** The default owner of test segments. */
export const OWNER: SegmentOwner = { userId: 'u-ana', name: 'Ana Owner', orgId: 'org-1' };

/** A valid lead of CRM "demo"; `crmId` decides the id. */
export function makeLead(crmId: string, overrides: Partial<Lead> = {}): Lead {
  return makeTestLead(crmId, overrides, NOW);
}

/** `status equals <status>`. */
export function statusIs(status: string): RuleSet {
  return { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: status }] };
}

/** `lastContactAt in_last <days> days` (time-dependent). */
export function contactedInLast(days: number): RuleSet {
  return { combinator: 'and', rules: [{ field: 'lastContactAt', operator: 'in_last', value: { amount: days, unit: 'days' } }] };
}

/** A segment draft with the given name and rules (active unless said otherwise). */
export function draft(name: string, rules: RuleSet, status: 'active' | 'inactive' = 'active'): SegmentDraft {
  return { name, description: '', color: '#3366ff', rules, status };
}

/**
 * Runs every pending refresh job to completion with the background's own job runner
 * (`createRefreshJobRunner`, as production does after an ingest, an edit or the alarm). Rejects
 * with the first job's failure.
 */
export async function runPendingJobs(
  db: CrmSegmentsDB,
  options: { timeZone: string; clock?: () => number; chunkSize?: number; onProgress?: (progress: RefreshProgress) => void; known?: RefreshRunOptions['known'] },
): Promise<void> {
  const failures: unknown[] = [];
  const runner = createRefreshJobRunner(db, {
    timeZone: async () => options.timeZone,
    clock: options.clock ?? Date.now,
    ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.known ? { known: options.known } : {}),
    onError: (_jobId, error) => failures.push(error),
  });
  runner.kick();
  await runner.idle();
  if (failures.length > 0) throw failures[0];
}
