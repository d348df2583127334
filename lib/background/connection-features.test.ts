import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startDemoCrm, type DemoCrm } from '../../demo/server/server';
import { demoCrmAdapter } from '../adapters/demo-crm';
import type { FetchFn } from '../adapters/types';
import type { ContentScriptPort } from '../connections/content-scripts';
import {
  countMemberships,
  getConnection,
  getCurrentUser,
  getLead,
  getSegment,
  leadIdsOfCrm,
  listJobs,
  listSegments,
  putLeads,
  setAutoSyncMinutes,
  type CrmSegmentsDB,
} from '../db';
import { createSegment, runRefreshJob } from '../segments';
import { draft, OWNER, openTestDatabase, statusIs } from '../segments/test-support';
import { syncAllLeads } from '../sync/sync-all';
import { createConnectionFeatures } from './connection-features';
import { AUTO_SYNC_ALARM, type AutoSyncAlarmsPort } from './scheduled-sync';

const CSV = fileURLToPath(new URL('../../demo/server/fixtures/tricky-leads.csv', import.meta.url));

/** In-memory stand-ins for `scripting`, `permissions` and `alarms`. */
function fakeBrowser() {
  const registered = new Map<string, string[]>();
  const injected: string[] = [];
  const revoked: string[] = [];
  const alarms = new Map<string, { name: string; periodInMinutes?: number }>();
  const scripts: ContentScriptPort = {
    registeredIds: async () => [...registered.keys()],
    register: async (id, matches) => void registered.set(id, matches),
    unregister: async (ids) => ids.forEach((id) => registered.delete(id)),
    injectIntoOpenTabs: async (origin) => void injected.push(origin),
  };
  const alarmPort: AutoSyncAlarmsPort = {
    get: async (name) => alarms.get(name),
    create: (name, info) => void alarms.set(name, { name, periodInMinutes: info.periodInMinutes }),
    clear: async (name) => alarms.delete(name),
  };
  return { registered, injected, revoked, alarms, crm: { scripts, removeHostPermission: async (p: string) => void revoked.push(p), alarms: alarmPort } };
}

describe('connected CRMs, identity and scheduled sync (against the demo CRM)', () => {
  let crm: DemoCrm;
  let db: CrmSegmentsDB;
  let browser: ReturnType<typeof fakeBrowser>;
  let features: ReturnType<typeof createConnectionFeatures>;
  let clock = Date.UTC(2026, 0, 1);
  const fetchFn: FetchFn = (input, init) => fetch(input, init);
  const changed: string[][] = [];
  const api = (path: string, body: unknown) =>
    fetch(`${crm.url}${path}`, { method: path === '/api/me' ? 'POST' : 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** A "Sync all" as the background runs it, then the connection bookkeeping. */
  async function syncAll() {
    let newest: number | undefined;
    const report = await syncAllLeads({
      db,
      adapter: demoCrmAdapter,
      pageUrl: `${crm.url}/leads`,
      fetchFn,
      clock: () => clock,
      timeZone: 'UTC',
      onLeads: (leads) => leads.forEach((l) => (newest = Math.max(newest ?? 0, l.crmUpdatedAt ?? 0))),
    });
    await features.connections.recordFullSync(crm.url, demoCrmAdapter, { finishedAt: report.finishedAt, newestUpdatedAt: newest });
    return report;
  }

  beforeAll(async () => {
    crm = await startDemoCrm({ port: 0, csvPath: CSV, now: '2025-06-01T00:00:00Z' });
    db = openTestDatabase();
    browser = fakeBrowser();
    features = createConnectionFeatures({
      db,
      fetchFn,
      clock: () => clock,
      timeZone: async () => 'UTC',
      crm: browser.crm,
      isFullSyncRunning: () => false,
      onLeadsChanged: (ids) => void changed.push(ids),
      reportError: () => undefined,
    });
  });
  afterAll(async () => {
    await crm?.close();
  });

  it('knows no user and answers a user signal from an unconnected origin without reading or storing anyone', async () => {
    expect(await features.handlers.userMayHaveChanged({ pageUrl: `${crm.url}/leads` }, {})).toEqual({ checked: false });
    expect((await getCurrentUser(db)).source).toEqual({ kind: 'none' });
    expect(browser.registered.size).toBe(0);
  });

  it('connects on the first Sync all: content script for that origin only, injected into open tabs, user from /api/me', async () => {
    const report = await syncAll();
    expect(report.received).toBeGreaterThan(0);
    expect([...browser.registered]).toEqual([[`crm:${crm.url}`, [`${crm.url}/*`]]]);
    expect(browser.injected).toEqual([crm.url]);
    const connection = await getConnection(db, crm.url);
    expect(connection).toMatchObject({ adapterId: 'demo-crm', crmKey: `demo@127.0.0.1:${crm.port}`, grantedPermission: false, lastSyncKind: 'full' });
    expect(connection?.changesSince).toBeLessThan(Date.parse('2025-06-01T00:00:00Z'));
    const me = await getCurrentUser(db);
    expect(me.user).toEqual({ userId: 'u-olivia', name: 'Olivia Bennett', role: 'owner', orgId: 'org-acme' });
    expect(me.source).toEqual({ kind: 'crm', origin: crm.url, checkedAt: clock });
    // A second Sync all does not inject again.
    await syncAll();
    expect(browser.injected).toEqual([crm.url]);
  });

  it('re-reads the user from the API when the page signals, whatever the page claims', async () => {
    expect((await api('/api/me', { userId: 'u-priya' })).status).toBe(200);
    clock += 1000;
    expect(await features.handlers.userMayHaveChanged({ pageUrl: `${crm.url}/leads/1` }, {})).toEqual({ checked: true });
    expect(await getCurrentUser(db)).toMatchObject({ user: { userId: 'u-priya', role: 'member' }, source: { kind: 'crm', checkedAt: clock } });
    await features.handlers.setIdentityOverride({ user: { userId: 'x', name: 'Manual Me', role: 'admin', orgId: 'o' } }, {});
    expect((await getCurrentUser(db)).source).toEqual({ kind: 'override' });
    await features.handlers.setIdentityOverride({ user: null }, {});
    expect((await features.handlers.checkIdentity({}, {})).user?.userId).toBe('u-priya');
    await api('/api/me', { userId: 'u-olivia' });
  });

  it('scheduled sync fetches only what changed, updates segments, never deletes', async () => {
    const crmKey = `demo@127.0.0.1:${crm.port}`;
    const ids = await leadIdsOfCrm(db, crmKey);
    const target = ids[0]!;
    const crmId = target.split('/').pop()!;
    const before = await getLead(db, target);
    expect(before?.status).not.toBe('Lost');
    const segment = await createSegment(db, draft('Lost leads', statusIs('Lost')), OWNER, { now: clock });
    const jobs = await listJobs(db);
    for (const job of jobs) await runRefreshJob(db, job.id, { timeZone: 'UTC', clock: () => clock });
    const membersBefore = (await getSegment(db, segment.id))!.memberCount;
    // A lead only this browser knows (e.g. deleted in the CRM): an incremental sync must keep it.
    await putLeads(db, [{ ...before!, id: `${crmKey}/only-here`, crmId: 'only-here' }]);

    expect((await api(`/api/leads/${crmId}`, { status: 'Lost' })).status).toBe(200);
    clock += 60_000;
    const [result] = await features.scheduled.run();
    expect(result && 'report' in result && result.report).toMatchObject({ stored: 1, skipped: [] });
    expect(result && 'report' in result && result.report.received).toBeLessThan(ids.length);
    expect((await getLead(db, target))?.status).toBe('Lost');
    expect((await getSegment(db, segment.id))!.memberCount).toBe(membersBefore + 1);
    expect(await countMemberships(db, segment.id)).toBe(membersBefore + 1);
    expect(await getLead(db, `${crmKey}/only-here`)).toBeDefined();
    expect(changed.flat()).toContain(target);
    const connection = await getConnection(db, crm.url);
    expect(connection).toMatchObject({ lastSyncAt: clock, lastSyncKind: 'scheduled' });
    expect(connection?.changesSince).toBeGreaterThanOrEqual(Date.parse('2025-06-01T00:00:00Z'));

    // Nothing changed since: the next run receives nothing and writes nothing.
    const [again] = await features.scheduled.run();
    expect(again && 'report' in again && again.report).toMatchObject({ received: 0, stored: 0 });
  });

  it('follows the period setting with its alarm: 15 minutes by default, off removes it', async () => {
    await features.scheduled.applySetting();
    expect(browser.alarms.get(AUTO_SYNC_ALARM)?.periodInMinutes).toBe(15);
    await features.handlers.setAutoSync({ minutes: 0 }, {});
    expect(browser.alarms.has(AUTO_SYNC_ALARM)).toBe(false);
    await setAutoSyncMinutes(db, 30);
    // A one-off alarm firing (e.g. `when: Date.now()`) runs the sync and re-arms the periodic one.
    browser.alarms.delete(AUTO_SYNC_ALARM);
    expect(await features.scheduled.onAlarm(AUTO_SYNC_ALARM)).toBe(true);
    expect(browser.alarms.get(AUTO_SYNC_ALARM)?.periodInMinutes).toBe(30);
    expect(await features.scheduled.onAlarm('something-else')).toBe(false);
  });

  it('records a failed scheduled run on the connection and keeps where it asks from', async () => {
    const since = (await getConnection(db, crm.url))?.changesSince;
    const down = createConnectionFeatures({
      db,
      fetchFn: async () => {
        throw new TypeError('fetch failed');
      },
      clock: () => clock,
      timeZone: async () => 'UTC',
      crm: browser.crm,
      isFullSyncRunning: () => false,
      onLeadsChanged: () => undefined,
      reportError: () => undefined,
    });
    const [result] = await down.scheduled.run();
    expect(result).toEqual({ origin: crm.url, error: expect.stringMatching(/not reachable/) });
    expect(await getConnection(db, crm.url)).toMatchObject({ changesSince: since, lastScheduledError: expect.stringMatching(/not reachable/) });
  });

  it('disconnects keeping the leads, then again deleting them with their memberships', async () => {
    const crmKey = `demo@127.0.0.1:${crm.port}`;
    const count = (await leadIdsOfCrm(db, crmKey)).length;
    expect(await features.handlers.disconnectCrm({ origin: crm.url, deleteLeads: false }, {})).toEqual({ deleted: 0 });
    expect(browser.registered.size).toBe(0);
    expect(browser.revoked).toEqual([]);
    expect(await leadIdsOfCrm(db, crmKey)).toHaveLength(count);
    expect((await getCurrentUser(db)).source).toEqual({ kind: 'none' });
    await expect(features.handlers.disconnectCrm({ origin: crm.url, deleteLeads: true }, {})).rejects.toThrow(/not connected/);
    // No scheduled sync for a disconnected CRM.
    expect(await features.scheduled.run()).toEqual([]);

    // Reconnect: a complete Sync all removes the lead the CRM does not have.
    await syncAll();
    expect(await leadIdsOfCrm(db, crmKey)).toHaveLength(count - 1);
    const segment = (await listSegments(db))[0]!;
    expect((await getSegment(db, segment.id))!.memberCount).toBeGreaterThan(0);
    expect(await features.handlers.disconnectCrm({ origin: crm.url, deleteLeads: true }, {})).toEqual({ deleted: count - 1 });
    expect(await leadIdsOfCrm(db, crmKey)).toEqual([]);
    expect((await getSegment(db, segment.id))!.memberCount).toBe(0);
    expect(await countMemberships(db, segment.id)).toBe(0);
    expect(await getConnection(db, crm.url)).toBeUndefined();
  });
});
