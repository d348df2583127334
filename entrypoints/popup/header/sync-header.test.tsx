// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import { putConnection, updateConnection } from '../../../lib/db';
import type { SyncReport } from '../../../lib/messaging/protocol';
import { fakeBackground, makeLead, renderPopup, testDb } from '../test-kit';
import { isSyncableUrl } from './active-tab';
import { NOT_A_CRM_PAGE, SYNC_STATUS_KEY, describeSyncReport } from './sync-header';

let db: CrmSegmentsDB;
beforeEach(() => {
  db = testDb();
});
afterEach(() => {
  cleanup();
  db.close();
});

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  crmKey: 'demo',
  received: 9240,
  stored: 120,
  unchanged: 9120,
  skipped: [],
  nulledValues: 0,
  deleted: 0,
  startedAt: 0,
  finishedAt: Date.now(),
  ...over,
});

describe('popup header', () => {
  it('shows the stored lead count live and the last sync time', async () => {
    await db.leads.bulkPut([makeLead(1), makeLead(2)]);
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 2, running: false, lastSyncAt: Date.now() - 3 * 3_600_000 } });
    renderPopup(db, fakeBackground().send);
    await waitFor(() => expect(screen.getByText(/^2 leads/).textContent).toBe('2 leads · Last sync 3 hours ago'));
    await db.leads.put(makeLead(3));
    await waitFor(() => expect(screen.getByText(/^3 leads/)).toBeTruthy());
  });

  it('says only "Counting leads…" until the count is read (no dangling separator), then the whole line', async () => {
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 2, running: false, lastSyncAt: Date.now() - 3 * 3_600_000 } });
    renderPopup(db, fakeBackground().send);
    expect(document.querySelector('.header-meta')!.textContent).toBe('Counting leads…');
    await waitFor(() => expect(document.querySelector('.header-meta')!.textContent).toBe('2 leads · Last sync 3 hours ago'));
  });

  it('falls back to getSyncStatus when nothing is stored, and says "Never synced"', async () => {
    renderPopup(db, fakeBackground().send);
    await waitFor(() => expect(document.querySelector('.header-meta')!.textContent).toBe('0 leads · Never synced'));
  });

  it('asks for a CRM page when the active tab cannot be synced', async () => {
    const user = userEvent.setup();
    const background = fakeBackground();
    renderPopup(db, background.send, { activeTabUrl: 'chrome://extensions/' });
    await user.click(await screen.findByRole('button', { name: 'Sync all' }));
    expect((await screen.findByRole('alert')).textContent).toBe(NOT_A_CRM_PAGE);
    expect(background.of('syncAll')).toEqual([]);
  });

  it('syncs the active tab’s CRM, shows progress while running and the report after', async () => {
    const user = userEvent.setup();
    let finish: () => void = () => {};
    const background = fakeBackground({
      syncAll: () =>
        new Promise((resolve) => {
          finish = () => resolve({ ok: true, data: report({ skipped: [{ ref: '#3', reason: 'bad email' }], deleted: 2 }) });
        }),
    });
    renderPopup(db, background.send, { activeTabUrl: 'http://127.0.0.1:5174/leads?page=2' });
    await user.click(await screen.findByRole('button', { name: 'Sync all' }));
    await waitFor(() => expect(background.of('syncAll')).toEqual([{ pageUrl: 'http://127.0.0.1:5174/leads?page=2' }]));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sync all' }) as HTMLButtonElement).disabled).toBe(true));

    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 0, running: true, progress: { done: 1200, total: 9240 } } });
    const bar = (await screen.findByRole('progressbar', { name: 'Sync progress' })) as HTMLProgressElement;
    await waitFor(() => expect(bar.value).toBe(1200));
    expect(await screen.findByText('1,200 of 9,240 leads')).toBeTruthy();

    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 9240, running: false, lastSyncAt: Date.now() } });
    finish();
    expect((await screen.findByRole('status')).textContent).toBe('Synced 9,240 leads: 120 new or changed, 2 removed, 1 skipped.');
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    await waitFor(() => expect(document.querySelector('.header-meta')!.textContent).toBe('0 leads · Last sync just now'));
  });

  it('moves "Last sync" with a scheduled sync newer than the last Sync all, and back to the report after one', async () => {
    const origin = 'http://127.0.0.1:5174';
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 0, running: false, lastSyncAt: Date.now() - 3 * 3_600_000, lastReport: report() } });
    await putConnection(db, { origin, adapterId: 'demo-crm', crmKey: `demo@${origin}`, label: 'Acme CRM (demo)', connectedAt: 1, grantedPermission: false });
    renderPopup(db, fakeBackground().send);
    expect((await screen.findByRole('button', { name: 'Last sync 3 hours ago' })).tagName).toBe('BUTTON');

    await updateConnection(db, origin, { lastSyncAt: Date.now() - 2.25 * 3_600_000, lastSyncKind: 'scheduled' });
    await waitFor(() => expect(document.querySelector('.header-meta')!.textContent).toMatch(/^0 leads · Last sync 2 hours ago \(automatic\) · Data as of (\d{1,2} [A-Z][a-z]{2}, )?\d\d:\d\d$/));
    // (2¼ hours ago is yesterday between midnight and 02:15: "Data as of 1 Dec, 22:05".)
    expect(screen.queryByRole('button', { name: /^Last sync/ })).toBeNull();

    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 0, running: false, lastSyncAt: Date.now(), lastReport: report() } });
    expect(await screen.findByRole('button', { name: 'Last sync just now' })).toBeTruthy();
  });

  it('shows a sync error from the background', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({ syncAll: async () => ({ ok: false, error: 'The CRM session expired: sign in again' }) });
    renderPopup(db, background.send, { activeTabUrl: 'https://crm.example.com/leads' });
    await user.click(await screen.findByRole('button', { name: 'Sync all' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The CRM session expired: sign in again');
  });
});

describe('isSyncableUrl / describeSyncReport', () => {
  it('accepts http(s) pages only', () => {
    expect(isSyncableUrl('http://127.0.0.1:5174/leads')).toBe(true);
    expect(isSyncableUrl('https://app.hubspot.com/contacts')).toBe(true);
    expect(isSyncableUrl('chrome://newtab/')).toBe(false);
    expect(isSyncableUrl(undefined)).toBe(false);
    expect(isSyncableUrl('not a url')).toBe(false);
  });

  it('summarises a report, leaving out zero counts', () => {
    expect(describeSyncReport(report())).toBe('Synced 9,240 leads: 120 new or changed.');
    expect(describeSyncReport(report({ nulledValues: 4 }))).toBe('Synced 9,240 leads: 120 new or changed, 4 unreadable values left empty.');
    expect(describeSyncReport(report({ received: 1, stored: 1, nulledValues: 1, truncatedValues: 1, pendingRemoval: 1 }))).toBe(
      'Synced 1 lead: 1 new or changed, 1 unreadable value left empty, 1 value too long, truncated. 1 lead the CRM no longer lists waits for your confirmation.',
    );
  });
});
