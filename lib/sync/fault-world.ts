/**
 * Test support (not production code) for the issue 9 fault tests: a store synced from a mock CRM
 * with active segments, and the invariants every fault must keep — stored leads unchanged except
 * what the CRM really changed, memberships equal to a fresh evaluation, `memberCount` equal to the
 * membership rows (read through lib/db/memberships.ts).
 */
import { expect } from 'vitest';
import { demoCrmAdapter } from '../adapters/demo-crm';
import { countMemberships, leadsAfter, listCustomFields, listSegments, memberIds, type CrmSegmentsDB } from '../db';
import type { Lead } from '../schema';
import { createSegment, tryCompile } from '../segments';
import { NOW, OWNER, TIME_ZONE, draft, openTestDatabase, statusIs, runPendingJobs } from '../segments/test-support';
import { syncAllLeads, type SyncAllOptions } from './sync-all';
import { acmeRecord, pagesOf, startMockCrm, type MockCrm } from './test-crm-server';

/** A synced store and its mock CRM. */
export interface FaultWorld {
  db: CrmSegmentsDB;
  crm: MockCrm;
  records: Record<string, unknown>[];
  /** Runs "Sync all" against the mock CRM (options override the defaults). */
  sync(options?: Partial<SyncAllOptions>): ReturnType<typeof syncAllLeads>;
  close(): Promise<void>;
}

/** Every stored lead, by id order. */
export const allLeads = (db: CrmSegmentsDB): Promise<Lead[]> => leadsAfter(db, undefined, 1_000_000);

/** Leads without `syncedAt` (a re-sync of an unchanged lead may or may not touch it). */
export const contentOf = (leads: readonly Lead[]) => leads.map(({ syncedAt: _syncedAt, ...rest }) => rest);

/**
 * A mock CRM with `count` leads, a store synced from it once, and two active segments settled
 * ("Status equals Open", "Source equals Google").
 */
export async function startFaultWorld(count = 1200): Promise<FaultWorld> {
  const records = Array.from({ length: count }, (_, i) => acmeRecord(i + 1));
  const crm = await startMockCrm(pagesOf(records));
  const db = openTestDatabase('faults');
  let clock = NOW;
  const sync: FaultWorld['sync'] = async (options = {}) => {
    clock += 60_000;
    const report = await syncAllLeads({
      db,
      adapter: demoCrmAdapter,
      pageUrl: `${crm.origin}/leads`,
      fetchFn: (input, init) => fetch(input, init),
      clock: () => clock,
      timeZone: TIME_ZONE,
      ...options,
    });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => clock });
    return report;
  };
  await sync();
  await createSegment(db, draft('Open', statusIs('Open')), OWNER, { now: NOW });
  await createSegment(db, draft('Google', { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'Google' }] }), OWNER, { now: NOW });
  await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => clock });
  return { db, crm, records, sync, close: () => crm.close() };
}

/** Asserts memberships equal a fresh evaluation of every active segment and counts equal rows. */
export async function expectMembershipsExact(db: CrmSegmentsDB): Promise<void> {
  const leads = await allLeads(db);
  const customFields = await listCustomFields(db);
  for (const segment of await listSegments(db)) {
    if (segment.status !== 'active') continue;
    const compiled = tryCompile(segment.rules, { now: NOW, timeZone: TIME_ZONE, customFields });
    if (!compiled.ok) throw new Error(compiled.error);
    const expected = leads.filter((lead) => compiled.predicate(lead)).map((lead) => lead.id).sort();
    expect([...(await memberIds(db, segment.id))].sort()).toEqual(expected);
    expect(segment.memberCount).toBe(await countMemberships(db, segment.id));
    expect(segment.memberCount).toBe(expected.length);
  }
}
