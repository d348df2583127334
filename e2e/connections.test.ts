import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../demo/server/server';
import type { Lead, Segment } from '../lib/schema';
import { countTable, launchExtension, readMemberships, readRow, readTable, registeredContentScripts, type ExtensionSession } from './harness';
import { connectCrm, createSegmentVia, LEADS_CSV, segmentsSettled, until } from './real-dataset';

/** A second demo CRM on another port: the same app and page marker, another signed-in user. */
const DECOY_CSV = fileURLToPath(new URL('../demo/server/fixtures/tricky-leads.csv', import.meta.url));

type CrmUserRow = { key: string; value: { user: { userId: string; name: string; role: string }; origin: string; checkedAt: number } };
type ConnectionsRow = { key: string; value: Array<{ origin: string; lastSyncAt?: number; lastSyncKind?: string }> };

const badgeHosts = (page: Page) => page.evaluate(() => document.querySelectorAll('crm-segment-badges').length);
const leadRows = (page: Page) => page.evaluate(() => document.querySelectorAll('tr[data-lead-id]').length);

describe('connected CRMs in Chromium: content scripts, identity, scheduled sync, disconnect', () => {
  let crm: DemoCrm;
  let decoy: DemoCrm;
  let session: ExtensionSession;
  let extensionPage: Page;
  let crmPage: Page;
  let crmKey: string;
  let profile: string;
  const crmUser = async () => (await readRow<CrmUserRow>(extensionPage, 'meta', 'crm.currentUser'))?.value;
  const api = (origin: string, path: string, method: string, body: unknown) =>
    fetch(`${origin}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    crm = await startDemoCrm({ port: 0, csvPath: LEADS_CSV });
    decoy = await startDemoCrm({ port: 0, csvPath: DECOY_CSV });
    expect((await api(decoy.url, '/api/me', 'POST', { userId: 'u-marcus' })).status).toBe(200);
    crmKey = `demo@127.0.0.1:${crm.port}`;
    profile = await mkdtemp(join(tmpdir(), 'crm-segments-e2e-restart-'));
    session = await launchExtension({ userDataDir: profile });
    extensionPage = await session.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
    await crm?.close();
    await decoy?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('runs no content script before the CRM is connected; connecting ("Sync all") registers it for that origin only', async () => {
    crmPage = await session.context.newPage();
    await crmPage.goto(`${crm.url}/leads`);
    await until(() => leadRows(crmPage), (n) => n === 50);
    expect(await registeredContentScripts(session)).toEqual([]);
    expect(await badgeHosts(crmPage)).toBe(0);

    const report = await connectCrm<{ received: number }>(session, extensionPage, crm.url);
    expect(report.received).toBe(9240);
    expect(await registeredContentScripts(session)).toEqual([{ id: `crm:${crm.url}`, matches: [`${crm.url}/*`] }]);
    // The page that was already open gets the script too (no reload).
    expect(await until(() => badgeHosts(crmPage), (n) => n === 50)).toBe(50);
    expect(await crmUser()).toMatchObject({ user: { userId: 'u-olivia', role: 'owner' }, origin: crm.url });
  });

  it('a page on another localhost port carrying the demo marker gets no content script and cannot set the user', async () => {
    const decoyPage = await session.context.newPage();
    await decoyPage.goto(`${decoy.url}/leads`);
    await until(() => leadRows(decoyPage), (n) => n > 0);
    await decoyPage.locator('[data-current-user][data-user-id="u-marcus"]').waitFor();
    expect(await decoyPage.evaluate(() => document.querySelector('meta[name="crm"]')?.getAttribute('content'))).toBe('acme-demo');
    // A connected page opened after it has its badges: content scripts had every chance to run.
    const control = await session.context.newPage();
    await control.goto(`${crm.url}/leads?page=2`);
    expect(await until(() => badgeHosts(control), (n) => n === 50)).toBe(50);
    expect(await badgeHosts(decoyPage)).toBe(0);
    // The decoy's page script rewrites its user menu: still nobody listens there.
    await decoyPage.evaluate(() => document.querySelector('[data-current-user]')?.setAttribute('data-user-role', 'owner'));
    const before = await crmUser();
    expect(before).toMatchObject({ user: { userId: 'u-olivia' }, origin: crm.url });
    // A page of the connected CRM whose script forges the user menu only makes the background ask the CRM again.
    await control.evaluate(() => {
      const menu = document.querySelector('[data-current-user]')!;
      menu.setAttribute('data-user-id', 'u-marcus');
      menu.setAttribute('data-user-name', 'Marcus Reyes');
      menu.setAttribute('data-user-role', 'admin');
    });
    const after = await until(crmUser, (row) => (row?.checkedAt ?? 0) > (before?.checkedAt ?? 0));
    expect(after?.checkedAt).toBeGreaterThan(before!.checkedAt);
    expect(after).toMatchObject({ user: { userId: 'u-olivia', name: 'Olivia Bennett', role: 'owner' }, origin: crm.url });
    await decoyPage.close();
    await control.close();
  });

  it('switching user in the demo CRM\'s user menu switches the extension\'s user within a second', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('current-user').getByText('Olivia Bennett').waitFor();
    await crmPage.bringToFront();
    await crmPage.getByRole('button', { name: /^Account: Olivia Bennett/ }).click();
    const started = Date.now();
    await crmPage.getByRole('menuitemradio', { name: /Priya Shah/ }).click();
    const switched = await until(crmUser, (row) => row?.user.userId === 'u-priya', 5_000);
    const elapsed = Date.now() - started;
    expect(switched).toMatchObject({ user: { userId: 'u-priya', name: 'Priya Shah', role: 'member' }, origin: crm.url });
    expect(elapsed).toBeLessThan(1_000);
    await options.getByTestId('current-user').getByText('Priya Shah').waitFor({ timeout: 5_000 });
    expect(await options.getByTestId('identity-source').textContent()).toContain(`From the CRM's own API at ${crm.url}`);
    // Back to the owner for what follows.
    await crmPage.getByRole('button', { name: /^Account: Priya Shah/ }).click();
    await crmPage.getByRole('menuitemradio', { name: /Olivia Bennett/ }).click();
    await until(crmUser, (row) => row?.user.userId === 'u-olivia', 5_000);
    await options.close();
  });

  it('a lead edited through the CRM API (not in the browser) changes its segments when the scheduled sync fires', async () => {
    const segment = await createSegmentVia(extensionPage, 'Qualified leads', '#7c3aed', {
      combinator: 'and',
      rules: [{ field: 'status', operator: 'equals', value: 'Qualified' }],
    });
    const members = (await segmentsSettled(extensionPage)).find((s) => s.id === segment.id)!.memberCount;
    const leads = await readTable<Lead>(extensionPage, 'leads');
    // The oldest lead: on the last page of the CRM's list, open in no tab.
    const target = leads.filter((l) => l.status !== 'Qualified').sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0))[0]!;
    expect((await api(crm.url, `/api/leads/${target.crmId}`, 'PATCH', { status: 'Qualified' })).status).toBe(200);
    expect((await readRow<Lead>(extensionPage, 'leads', target.id))?.status).toBe(target.status);

    await session.serviceWorker.evaluate(() => {
      (globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): void } } }).chrome.alarms.create('crm-auto-sync', { when: Date.now() });
    });
    const stored = await until(() => readRow<Lead>(extensionPage, 'leads', target.id), (lead) => lead?.status === 'Qualified', 30_000);
    expect(stored?.status).toBe('Qualified');
    const counted = await until(
      async () => (await readTable<Segment>(extensionPage, 'segments')).find((s) => s.id === segment.id)!.memberCount,
      (n) => n === members + 1,
    );
    expect(counted).toBe(members + 1);
    const memberships = await readMemberships(extensionPage);
    expect(memberships.some((m) => m.segmentId === segment.id && m.leadId === target.id)).toBe(true);
    expect(memberships.filter((m) => m.segmentId === segment.id)).toHaveLength(members + 1);
    expect(await countTable(extensionPage, 'leads')).toBe(9240);
    const connection = (await readRow<ConnectionsRow>(extensionPage, 'meta', 'crm.connections'))?.value[0];
    expect(connection).toMatchObject({ origin: crm.url, lastSyncKind: 'scheduled' });
    // The one-off alarm is replaced by the periodic one again (15 minutes by default).
    const alarm = await until(
      () => session.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome.alarms.get('crm-auto-sync')),
      (a) => a?.periodInMinutes === 15,
    );
    expect(alarm?.periodInMinutes).toBe(15);
    // The popup says how fresh the data is.
    const popup = await session.openExtensionPage('popup.html');
    expect(await popup.getByText(/Data as of \d{2}:\d{2}/).textContent()).toMatch(/^Data as of \d{2}:\d{2}$/);
    await popup.close();
  });

  it('keeps the connection across a browser restart', async () => {
    await session.close();
    session = await launchExtension({ userDataDir: profile });
    extensionPage = await session.openExtensionPage('popup.html');
    // Chrome keeps it, or the background restores it from the stored connections on start-up.
    const scripts = await until(() => registeredContentScripts(session), (list) => list.length > 0);
    expect(scripts).toEqual([{ id: `crm:${crm.url}`, matches: [`${crm.url}/*`] }]);
    crmPage = await session.context.newPage();
    await crmPage.goto(`${crm.url}/leads`);
    expect(await until(() => badgeHosts(crmPage), (n) => n === 50)).toBe(50);
  });

  it('disconnects from the options page, keeping or deleting the CRM\'s leads', async () => {
    const options = await session.openExtensionPage('options.html');
    const table = options.getByRole('table', { name: 'Connected CRMs' });
    await table.getByRole('cell', { name: /9,240/ }).waitFor();
    await options.getByRole('button', { name: `Disconnect ${crm.url}` }).click();
    let dialog = options.getByRole('dialog', { name: 'Disconnect Acme CRM (demo)?' });
    await expect(dialog.textContent()).resolves.toContain('9,240 leads');
    await dialog.getByRole('button', { name: 'Keep leads' }).click();
    await options.getByText(`Disconnected ${crm.url}. Its 9,240 leads stay stored.`).waitFor();
    expect(await registeredContentScripts(session)).toEqual([]);
    expect(await countTable(extensionPage, 'leads')).toBe(9240);
    expect(await crmUser()).toBeUndefined();
    await options.getByText('No CRM connected yet.').waitFor();

    await connectCrm(session, extensionPage, crm.url);
    await options.getByRole('button', { name: `Disconnect ${crm.url}` }).click();
    dialog = options.getByRole('dialog', { name: 'Disconnect Acme CRM (demo)?' });
    await dialog.getByRole('button', { name: 'Delete leads' }).click();
    await options.getByText(`Disconnected ${crm.url} and deleted 9,240 leads.`).waitFor({ timeout: 60_000 });
    expect((await readTable<Lead>(extensionPage, 'leads')).filter((l) => l.crmKey === crmKey)).toEqual([]);
    expect(await readMemberships(extensionPage)).toEqual([]);
    expect((await readTable<Segment>(extensionPage, 'segments')).every((s) => s.memberCount === 0)).toBe(true);
    expect(await registeredContentScripts(session)).toEqual([]);
    await options.close();
  });
});
