/**
 * Campaigns on the real dataset (issue 8 §4): two segments target "Course Launch Email" through the
 * popup; its audience equals an independent computation from the dataset CSV and the SPEC §6 mapping
 * (members of either segment, minus leads with `Do Not Email` = Yes: excluded from the email
 * campaign and tagged do-not-email); "Send audience to CRM" stores exactly those lead numbers in
 * the demo CRM, whose Campaigns page shows the same count; detaching a segment updates the count
 * live and a second send updates the CRM; deactivating or deleting a segment the active campaign
 * uses names it in the dialog first, and deleting removes it from the campaign.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, Segment } from '../lib/schema';
import { readLeadsCsvTextAsync } from '../demo/data/dataset';
import { SCREENSHOTS, readRow, sendFromPage } from './harness';
import { LEADS_CSV, startSyncedWorld, until, type SyncedWorld } from './real-dataset';

const CAMPAIGN = 'Course Launch Email';
const GOOGLE = 'Google leads';
const FINANCE = 'Finance specialists';

/** SPEC §3 rule 3 text comparison, written out for the CSV side (no extension code). */
const norm = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ').normalize('NFKC').toLowerCase();
const count = (n: number) => n.toLocaleString('en-US');

type Row = Record<string, string>;

describe('campaigns on the real dataset', () => {
  let world: SyncedWorld;
  let popup: Page;
  let google: Segment;
  let finance: Segment;
  /** Lead numbers per independent computation. */
  let googleIds: Set<string>;
  let financeIds: Set<string>;
  let doNotEmail: Set<string>;

  const audienceOf = (...sets: Array<Set<string>>) =>
    [...new Set(sets.flatMap((s) => [...s]))].filter((id) => !doNotEmail.has(id)).sort();
  const card = (): Locator => popup.getByRole('listitem', { name: CAMPAIGN, exact: true });
  const segmentRow = (name: string): Locator => popup.getByRole('listitem').filter({ has: popup.locator('.segment-name', { hasText: name }) });

  async function useInCampaign(name: string): Promise<void> {
    await segmentRow(name).getByRole('button', { name: `Actions for ${name}` }).click();
    await popup.getByRole('menuitem', { name: /^Use in campaign/ }).click();
    const dialog = popup.getByRole('dialog', { name: `Use “${name}” in a campaign` });
    await dialog.getByRole('radio', { name: new RegExp(CAMPAIGN) }).check();
    await dialog.getByRole('button', { name: 'Use in campaign' }).click();
    await popup.getByText(`“${name}” now targets “${CAMPAIGN}”.`).waitFor();
  }

  /** The demo CRM's Campaigns page text for the email campaign (a fresh load each time). */
  async function crmCampaignRow(crmPage: Page): Promise<string> {
    await crmPage.goto(`${world.crm.url}/campaigns`);
    const row = crmPage.locator('tr[data-campaign-id="email"]');
    await row.waitFor();
    return (await row.textContent()) ?? '';
  }

  beforeAll(async () => {
    const rows = Papa.parse<Row>(await readLeadsCsvTextAsync(LEADS_CSV), { header: true, skipEmptyLines: true }).data;
    googleIds = new Set(rows.filter((r) => norm(r['Lead Source']) === 'google').map((r) => r['Lead Number']!));
    financeIds = new Set(rows.filter((r) => norm(r.Specialization) === 'finance management').map((r) => r['Lead Number']!));
    doNotEmail = new Set(rows.filter((r) => r['Do Not Email'] === 'Yes').map((r) => r['Lead Number']!));
    expect(rows).toHaveLength(9240);

    world = await startSyncedWorld();
    google = await world.createSegment(GOOGLE, '#2563eb', { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'Google' }] });
    finance = await world.createSegment(FINANCE, '#059669', {
      combinator: 'and',
      rules: [{ field: 'custom.specialization', operator: 'equals', value: 'Finance Management' }],
    });
    const settled = await world.settled();
    expect(settled.find((s) => s.id === google.id)?.memberCount).toBe(googleIds.size);
    expect(settled.find((s) => s.id === finance.id)?.memberCount).toBe(financeIds.size);
    popup = await world.session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
  });
  afterAll(() => world?.close());

  it('attaches both segments with "Use in campaign" and shows the independently computed audience', async () => {
    await useInCampaign(GOOGLE);
    await useInCampaign(FINANCE);
    const expected = audienceOf(googleIds, financeIds);
    expect(expected.length).toBeGreaterThan(1000);
    expect(expected.length).toBeLessThan(googleIds.size + financeIds.size);

    await popup.getByRole('tab', { name: 'Campaigns' }).click();
    await card().getByText(`${count(expected.length)} leads in audience`, { exact: true }).waitFor();
    const members = new Set([...googleIds, ...financeIds]);
    const dne = [...members].filter((id) => doNotEmail.has(id)).length;
    expect(dne).toBeGreaterThan(0);
    await expect(card().locator('.audience-left-out').textContent()).resolves.toContain(`${count(dne)} lead`);

    const summary = await sendFromPage<{ count: number }>(world.extensionPage, 'getCampaignAudience', { campaignId: 'email' });
    expect(summary).toMatchObject({ ok: true, data: { count: expected.length } });

    await mkdir(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-campaigns.png') });
  });

  it('"Send audience to CRM" stores exactly the audience in the demo CRM, whose Campaigns page shows the count', async () => {
    const expected = audienceOf(googleIds, financeIds);
    await card().getByRole('button', { name: 'Send audience to CRM' }).click();
    await card().getByRole('status').filter({ hasText: `Sent ${count(expected.length)} leads to the CRM` }).waitFor();

    const stored = await (await fetch(`${world.crm.url}/api/campaigns/email/audience`)).json();
    expect([...stored.leadIds].sort()).toEqual(expected);
    expect(stored.leadIds.some((id: string) => doNotEmail.has(id))).toBe(false);

    const crmPage = await world.session.context.newPage();
    expect(await crmCampaignRow(crmPage)).toContain(`${count(expected.length)} leads from CRM Segments`);
    await card().getByText(/^Last sent .* the CRM is up to date\.$/).waitFor();
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-campaigns.png') });

    // Detaching a segment changes the audience live; sending again updates the CRM.
    await card().getByRole('button', { name: `Detach ${FINANCE} from ${CAMPAIGN}` }).click();
    const googleOnly = audienceOf(googleIds);
    await card().getByText(`${count(googleOnly.length)} leads in audience`, { exact: true }).waitFor();
    await card().getByText(/the audience has changed since: send it again/).waitFor();
    await card().getByRole('button', { name: 'Send audience to CRM' }).click();
    await card().getByRole('status').filter({ hasText: `Sent ${count(googleOnly.length)} leads to the CRM` }).waitFor();
    expect(await crmCampaignRow(crmPage)).toContain(`${count(googleOnly.length)} leads from CRM Segments`);
    await crmPage.close();
  });

  it('names the active campaign before deactivating or deleting a segment it uses; deleting removes it from the campaign', async () => {
    await popup.getByRole('tab', { name: 'Segments' }).click();
    await segmentRow(GOOGLE).getByRole('switch', { name: 'Active' }).click();
    const deactivate = popup.getByRole('dialog', { name: `Deactivate “${GOOGLE}”?` });
    await expect(deactivate.getByRole('listitem').allTextContents()).resolves.toEqual([CAMPAIGN]);
    await deactivate.getByRole('button', { name: 'Cancel' }).click();
    expect((await readRow<Segment>(world.extensionPage, 'segments', google.id))?.status).toBe('active');

    // By keyboard: the last menu item (Delete) can sit below the 600 px popup's fold.
    await segmentRow(GOOGLE).getByRole('button', { name: `Actions for ${GOOGLE}` }).focus();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    await expect(popup.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/^Delete/);
    await popup.keyboard.press('Enter');
    const dialog = popup.getByRole('dialog', { name: `Delete “${GOOGLE}”?` });
    await dialog.getByText('An active campaign uses this segment:').waitFor();
    await expect(dialog.getByRole('listitem').allTextContents()).resolves.toEqual([CAMPAIGN]);
    await dialog.getByRole('button', { name: 'Delete segment' }).click();
    const campaign = await until(
      () => readRow<Campaign>(world.extensionPage, 'campaigns', 'email'),
      (c) => c !== undefined && !c.segmentIds.includes(google.id),
    );
    expect(campaign?.segmentIds).toEqual([]);
    await popup.getByRole('tab', { name: 'Campaigns' }).click();
    await card().getByText('0 leads in audience', { exact: true }).waitFor();
  });
});
