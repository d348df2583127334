import { afterEach, describe, expect, it } from 'vitest';
import type { SegmentPreview } from '../messaging/protocol';
import type { RouterIdentity } from '../messaging/router';
import { routeMessage } from '../messaging/router';
import { openTestDatabase } from '../segments/test-support';
import { updateSyncStatus } from '../sync/status';
import { acmeRecord, pagesOf, startMockCrm, type MockCrm } from '../sync/test-crm-server';
import { createBackgroundService, type BackgroundService } from './service';
import { INTERRUPTED_SYNC } from './sync-runner';

const IDENTITY: RouterIdentity = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const POPUP = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

let crm: MockCrm | undefined;
afterEach(() => crm?.close());

function service(db = openTestDatabase('runner')): { db: ReturnType<typeof openTestDatabase>; background: BackgroundService } {
  const background = createBackgroundService({
    db,
    fetchFn: (input, init) => fetch(input, init),
    clock: Date.now,
    tabs: { membershipsChanged: async () => undefined, segmentsChanged: async () => undefined },
    openSidePanel: async () => false,
    reportError: () => undefined,
  });
  return { db, background };
}

const send = (background: BackgroundService, type: string, payload: unknown) => routeMessage(background.handlers, IDENTITY, type, payload, POPUP);

/** Resolves when `read` gives a value `done` accepts (polls on the event loop, no fixed sleep). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the sync runner of the background (issue 9 items 1–3)', () => {
  it('clears a "Syncing…" left by a background that stopped mid-sync, at start-up and on every status read', async () => {
    const { db, background } = service();
    await updateSyncStatus(db, { running: true, progress: { done: 500, total: 9240 } });
    const answer = await send(background, 'getSyncStatus', {});
    expect(answer).toMatchObject({ ok: true, data: { running: false, lastError: INTERRUPTED_SYNC } });
    expect(answer.ok && answer.data).not.toHaveProperty('progress');

    const restarted = service(db).background;
    await updateSyncStatus(db, { running: true, progress: { done: 1 } });
    restarted.start();
    const stored = await until(
      () => db.meta.get('syncStatus'),
      (row) => (row?.value as { running?: boolean } | undefined)?.running === false,
    );
    expect(stored?.value).toMatchObject({ running: false, lastError: INTERRUPTED_SYNC });
  });

  it('Cancel stops a running Sync all: its answer says so, the status is not running, nothing is removed', async () => {
    const records = Array.from({ length: 700 }, (_, i) => acmeRecord(i + 1));
    const good = pagesOf(records);
    crm = await startMockCrm(good);
    const { background } = service();
    expect(await send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` })).toMatchObject({ ok: true, data: { received: 700 } });

    crm.setLeads((request) => (request.page === 2 ? { hang: true } : good(request)));
    const running = send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` });
    await until(async () => crm!.requests.filter((r) => r.startsWith('/api/leads?page=2')).length, (n) => n === 2);
    expect(await send(background, 'getSyncStatus', {})).toMatchObject({ ok: true, data: { running: true } });
    expect(await send(background, 'cancelSync', {})).toEqual({ ok: true, data: { cancelled: true } });
    expect(await running).toEqual({ ok: false, error: 'Sync cancelled. The leads received so far were stored; no lead was removed.' });
    const status = await send(background, 'getSyncStatus', {});
    expect(status).toMatchObject({ ok: true, data: { running: false, leadCount: 700 } });
    expect(status.ok && status.data).not.toHaveProperty('lastError');
    expect(await send(background, 'cancelSync', {})).toEqual({ ok: true, data: { cancelled: false } });
  });

  it('a sync that fails part way says how many leads it saved and that none was removed, in its answer and in the status', async () => {
    const records = Array.from({ length: 700 }, (_, i) => acmeRecord(i + 1));
    const good = pagesOf(records);
    crm = await startMockCrm((request) => (request.page === 2 ? { status: 500, body: { code: 'boom' } } : good(request)));
    const { background } = service();
    const failed = await send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` });
    expect(failed.ok).toBe(false);
    const status = await send(background, 'getSyncStatus', {});
    const pageSize = status.ok ? (status.data as { leadCount: number }).leadCount : 0;
    expect(pageSize).toBeGreaterThan(0);
    expect(pageSize).toBeLessThan(700);
    expect(!failed.ok && failed.error).toMatch(new RegExp(`Before it stopped, ${pageSize} leads were saved; no stored lead was removed\\.$`));
    expect(status).toMatchObject({ ok: true, data: { running: false, lastError: !failed.ok && failed.error } });

    // Again: the first page is now stored as it is, the second still fails.
    const again = await send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` });
    expect(!again.ok && again.error).toMatch(new RegExp(`Before it stopped, 0 leads were saved \\(${pageSize} more were already up to date\\); no stored lead was removed\\.$`));
    expect(await send(background, 'getSyncStatus', {})).toMatchObject({ ok: true, data: { leadCount: pageSize } });
  });

  it('a preview taken while a sync still stores leads says how many are stored so far, then no longer once it ends', async () => {
    const records = Array.from({ length: 700 }, (_, i) => acmeRecord(i + 1));
    const good = pagesOf(records);
    crm = await startMockCrm((request) => (request.page === 2 ? { hang: true } : good(request)));
    const { background } = service();
    const rules = { combinator: 'and' as const, rules: [{ field: 'name', operator: 'is_not_empty' }] };
    const running = send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` });
    await until(async () => crm!.requests.filter((r) => r.startsWith('/api/leads?page=2')).length, (n) => n > 0);
    const preview = async () => {
      const answer = await send(background, 'previewSegment', { rules });
      if (!answer.ok) throw new Error(answer.error);
      return answer.data as SegmentPreview;
    };
    const during = await until(preview, (answer) => answer.total > 0);
    expect(during.sync).toEqual({ stored: during.total, total: 700 });
    expect(during.count).toBe(during.total);
    expect(await send(background, 'cancelSync', {})).toEqual({ ok: true, data: { cancelled: true } });
    await running;
    const after = await preview();
    expect(after.total).toBe(during.total);
    expect(after).not.toHaveProperty('sync');
  });

  it('a sync that would remove more than 10% waits for resolveSyncRemoval, which names and removes them', async () => {
    const records = Array.from({ length: 50 }, (_, i) => acmeRecord(i + 1));
    crm = await startMockCrm(pagesOf(records));
    const { background } = service();
    await send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` });
    crm.setLeads(pagesOf(records.slice(0, 30)));
    expect(await send(background, 'syncAll', { pageUrl: `${crm.origin}/leads` })).toMatchObject({
      ok: true,
      data: { deleted: 0, kept: 20, pendingRemoval: 20 },
    });
    expect(await send(background, 'getSyncStatus', {})).toMatchObject({
      ok: true,
      data: { leadCount: 50, pendingRemoval: { count: 20, of: 50 } },
    });
    expect(await send(background, 'resolveSyncRemoval', { remove: true })).toEqual({ ok: true, data: { deleted: 20, kept: 0 } });
    const status = await send(background, 'getSyncStatus', {});
    expect(status).toMatchObject({ ok: true, data: { leadCount: 30, lastReport: { deleted: 20, kept: 0 } } });
    expect(status.ok && status.data).not.toHaveProperty('pendingRemoval');
  });
});
