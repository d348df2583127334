import { describe, expect, it, vi } from 'vitest';
import { exportBackup, getLead, getSegment, listJobs, memberIds, putConnection, setAutoSyncMinutes, type Backup } from '../db';
import { contentScriptId } from '../connections/hosts';
import { memoryCrmPorts } from './connection-features';
import { AUTO_SYNC_ALARM } from './scheduled-sync';
import type { BadgeSegment } from '../messaging/protocol';
import { routeMessage, type MessageSenderInfo, type RouterIdentity } from '../messaging/router';
import { contactedInLast, DAY_MS, makeLead, NOW, openTestDatabase, statusIs, draft } from '../segments/test-support';
import { SCHEDULE_ALARM } from './alarms';
import { createBackgroundService } from './service';

const IDENTITY: RouterIdentity = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const POPUP: MessageSenderInfo = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
/** A content script in a CRM tab (tab 7). */
const CRM_TAB: MessageSenderInfo = { id: 'ext', url: 'http://127.0.0.1:5174/leads', tab: { id: 7, windowId: 1 } };

/** A background over a fresh database with recording ports and a fixed clock. */
function setUp() {
  const db = openTestDatabase('service');
  const pushed: Array<{ tabId: number; memberships: Record<string, BadgeSegment[]> }> = [];
  const ports = {
    db,
    fetchFn: async () => new Response('not here', { status: 404 }),
    clock: () => NOW,
    tabs: {
      membershipsChanged: vi.fn(async (tabId: number, memberships: Record<string, BadgeSegment[]>) => void pushed.push({ tabId, memberships })),
      segmentsChanged: vi.fn(async () => undefined),
    },
    openSidePanel: vi.fn(async () => true),
    reportError: vi.fn(),
  };
  const background = createBackgroundService(ports);
  const send = (type: string, payload: unknown, sender: MessageSenderInfo = POPUP) => routeMessage(background.handlers, IDENTITY, type, payload, sender);
  return { db, ports, pushed, background, send };
}

describe('the background service', () => {
  it('creates segments for the local user when nobody is known, and runs their refresh job', async () => {
    const { db, background, send } = setUp();
    await send('ingestLeads', { leads: [makeLead('1', { status: 'Hot' }), makeLead('2', { status: 'Cold' })] });
    const created = await send('createSegment', { draft: draft('Hot', statusIs('Hot')) });
    expect(created).toMatchObject({ ok: true, data: { name: 'Hot', ownerId: 'local', ownerName: 'You', orgId: 'local' } });
    await background.jobs.idle();
    const id = created.ok ? (created.data as { id: string }).id : '';
    expect(await memberIds(db, id)).toEqual(['demo/1']);
    expect((await getSegment(db, id))?.memberCount).toBe(1);
    expect(await listJobs(db)).toEqual([]);
  });

  it('answers setTimeZone with the zone just stored, also when an earlier zone was kept in the worker', async () => {
    const { send } = setUp();
    await send('ingestLeads', { leads: [makeLead('1')] }); // reads (and keeps) the zone
    expect(await send('setTimeZone', { timeZone: 'Europe/Berlin' })).toEqual({ ok: true, data: { timeZone: 'Europe/Berlin' } });
    await send('ingestLeads', { leads: [makeLead('2')] });
    expect(await send('setTimeZone', { timeZone: 'Asia/Tokyo' })).toEqual({ ok: true, data: { timeZone: 'Asia/Tokyo' } });
  });

  it('stores ingest messages in the order they arrived, also with several in flight and a time zone change between them', async () => {
    const { db, send } = setUp();
    const answers = await Promise.all([
      send('ingestLeads', { leads: [makeLead('1', { status: 'First' })] }),
      send('setTimeZone', { timeZone: 'Asia/Tokyo' }),
      send('ingestLeads', { leads: [makeLead('1', { status: 'Second' }), makeLead('2')] }),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect((answers[0] as { data: { created: number } }).data.created).toBe(1);
    expect((answers[2] as { data: { created: number; stored: number } }).data).toMatchObject({ created: 1, stored: 2 });
    expect((await getLead(db, 'demo/1'))?.status).toBe('Second');
  });

  it('pushes an ingest’s membership changes only for leads a CRM tab shows', async () => {
    const { background, send, pushed } = setUp();
    const created = await send('createSegment', { draft: draft('Hot', statusIs('Hot')) });
    await background.jobs.idle();
    const hot = created.ok ? (created.data as { id: string; color: string }) : { id: '', color: '' };
    // The tab shows lead 1 only (it asked for its memberships).
    expect(await send('getMemberships', { leadIds: ['demo/1'] }, CRM_TAB)).toEqual({ ok: true, data: { 'demo/1': [] } });
    await send('ingestLeads', { leads: [makeLead('1', { status: 'Hot' }), makeLead('2', { status: 'Hot' })] });
    await vi.waitFor(() => expect(pushed).toHaveLength(1));
    expect(pushed[0]).toEqual({ tabId: 7, memberships: { 'demo/1': [{ id: hot.id, name: 'Hot', color: hot.color }] } });
  });

  it('tells the CRM tabs to redraw after a definition change', async () => {
    const { ports, background, send } = setUp();
    const created = await send('createSegment', { draft: draft('Hot', statusIs('Hot')) });
    await background.jobs.idle();
    const id = created.ok ? (created.data as { id: string }).id : '';
    await send('updateSegment', { id, patch: { name: 'Very hot' } });
    expect(ports.tabs.segmentsChanged).toHaveBeenCalledTimes(1);
    await send('deleteSegment', { id });
    expect(ports.tabs.segmentsChanged).toHaveBeenCalledTimes(2);
  });

  it('on the schedule alarm, re-evaluates time-dependent segments at the new time; other alarms do nothing here', async () => {
    const { db, background, send } = setUp();
    await send('ingestLeads', { leads: [makeLead('1', { lastContactAt: NOW - 2 * DAY_MS })] });
    const created = await send('createSegment', { draft: draft('Recent', contactedInLast(7)) });
    await send('createSegment', { draft: draft('Hot', statusIs('Hot')) });
    await background.jobs.idle();
    await background.onAlarm('some-other-alarm');
    expect(await listJobs(db)).toEqual([]);
    await background.onAlarm(SCHEDULE_ALARM);
    const id = created.ok ? (created.data as { id: string }).id : '';
    await background.jobs.idle();
    expect(await memberIds(db, id)).toEqual(['demo/1']);
    expect((await getSegment(db, id))?.lastRefreshedAt).toBe(NOW);
  });

  it('refuses a visible-row sync from a CRM page that is not connected', async () => {
    const { send } = setUp();
    expect(await send('syncVisible', { pageUrl: 'http://127.0.0.1:5174/leads', crmIds: ['1'] }, CRM_TAB)).toEqual({
      ok: false,
      error: 'This CRM is not connected: click "Sync all" in the CRM Segments popup on its page first.',
    });
  });

  it('refuses a sync of a page no adapter knows', async () => {
    const { send } = setUp();
    expect(await send('syncAll', { pageUrl: 'https://example.com/' })).toEqual({
      ok: false,
      error: "This page is not a CRM that CRM Segments knows. Open your CRM's leads page, then sync.",
    });
  });

  it('opens the side panel through its port, with the sender', async () => {
    const { ports, send } = setUp();
    expect(await send('openSidePanel', { segmentId: 's1', leadId: 'demo/1' }, CRM_TAB)).toEqual({ ok: true, data: { opened: true } });
    expect(ports.openSidePanel).toHaveBeenCalledWith({ segmentId: 's1', leadId: 'demo/1' }, CRM_TAB);
  });
});

describe('the background after a backup restore or "Delete all data"', () => {
  it('registers the content script of a restored connected CRM (injected into its open tabs), and removes it with all data', async () => {
    const crm = memoryCrmPorts();
    const injected: string[] = [];
    crm.scripts.injectIntoOpenTabs = async (origin) => void injected.push(origin);
    const db = openTestDatabase('service-restore');
    const background = createBackgroundService({
      db,
      fetchFn: async () => new Response('not here', { status: 404 }),
      clock: () => NOW,
      tabs: { membershipsChanged: vi.fn(async () => undefined), segmentsChanged: vi.fn(async () => undefined) },
      openSidePanel: vi.fn(async () => true),
      reportError: vi.fn(),
      crm,
    });
    const send = (type: string, payload: unknown) => routeMessage(background.handlers, IDENTITY, type, payload, POPUP);
    const origin = 'http://127.0.0.1:5174';
    await putConnection(db, { origin, adapterId: 'demo-crm', crmKey: 'demo', label: 'Acme CRM (demo)', connectedAt: 1, grantedPermission: false });
    await setAutoSyncMinutes(db, 30);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW))) as Backup;

    expect(await send('deleteAllData', { confirmation: 'DELETE' })).toEqual({ ok: true, data: { deleted: true } });
    expect(await crm.scripts.registeredIds()).toEqual([]);

    const token = crypto.randomUUID();
    for (const [table, rows] of Object.entries(backup.tables)) expect(await send('stageBackupRows', { token, table, rows })).toMatchObject({ ok: true });
    const { tables: _tables, ...header } = backup;
    expect(await send('restoreBackup', { token, header })).toMatchObject({ ok: true });
    expect(await crm.scripts.registeredIds()).toEqual([contentScriptId(origin)]);
    expect(injected).toEqual([origin]);
    expect(await crm.alarms.get(AUTO_SYNC_ALARM)).toMatchObject({ periodInMinutes: 30 });

    await send('deleteAllData', { confirmation: 'DELETE' });
    expect(await crm.scripts.registeredIds()).toEqual([]);
    expect(await crm.alarms.get(AUTO_SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });
});
