import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../lib/schema';
import { readMemberships, readRow, readTable, sendFromPage } from './harness';
import { startSyncedWorld, until, type SyncedWorld } from './real-dataset';

const NAME = 'Loyal converted leads';

/** The number in the preview's "N leads match", once it has settled. */
async function previewCount(popup: Page): Promise<number> {
  const status = popup.getByRole('status').filter({ hasText: /leads match/ });
  const text = await until(async () => ((await status.count()) ? ((await status.first().textContent()) ?? '') : ''), (t) => /[\d,]+ leads match/.test(t));
  return Number(/([\d,]+) leads match/.exec(text)![1]!.replace(/,/g, ''));
}

/** "N members" of the segment's list item. */
async function listedMembers(item: Locator): Promise<number> {
  return Number((/([\d,]+) members/.exec((await item.textContent()) ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));
}

describe('popup on the real dataset', () => {
  let world: SyncedWorld;
  let popup: Page;
  let crmPage: Page;
  const item = () => popup.getByRole('listitem').filter({ has: popup.getByText(NAME, { exact: true }) });
  const stored = async () => (await readTable<Segment>(world.extensionPage, 'segments')).find((s) => s.name === NAME);

  beforeAll(async () => {
    world = await startSyncedWorld();
    crmPage = await world.session.context.newPage();
    await crmPage.goto(`${world.crm.url}/leads`);
    popup = await world.session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
  });
  afterAll(() => world?.close());

  it('creates a three-rule segment entirely in the popup (one rule by keyboard only)', async () => {
    await popup.getByRole('button', { name: 'Create segment' }).first().click();
    await popup.getByLabel('Segment name').fill(NAME);
    await popup.getByLabel('Description').fill('Converted, visited often, in touch this month');

    const rule1 = popup.getByRole('group', { name: 'Rule 1' });
    await rule1.getByLabel('Field').selectOption('status');
    await rule1.getByLabel('Operator').selectOption('equals');
    await rule1.getByLabel('Value').fill('Converted');

    await popup.getByRole('button', { name: 'Add rule', exact: true }).click();
    const rule2 = popup.getByRole('group', { name: 'Rule 2' });
    await rule2.getByLabel('Field').selectOption('custom.total_visits');
    await rule2.getByLabel('Operator').selectOption('gte');
    await rule2.getByLabel('Value').fill('3');

    // Rule 3 with the keyboard only: Enter on "Add rule", type-ahead in the native selects, Tab between inputs.
    await popup.getByRole('button', { name: 'Add rule', exact: true }).focus();
    await popup.keyboard.press('Enter');
    const rule3 = popup.getByRole('group', { name: 'Rule 3' });
    await expect(rule3.getByLabel('Field').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await popup.keyboard.type('Last contact', { delay: 20 });
    await expect(rule3.getByLabel('Field').inputValue()).resolves.toBe('lastContactAt');
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('in the last', { delay: 20 });
    await expect(rule3.getByLabel('Operator').inputValue()).resolves.toBe('in_last');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('ControlOrMeta+a');
    await popup.keyboard.type('30');
    await expect(rule3.getByLabel('Amount').inputValue()).resolves.toBe('30');
    await expect(rule3.getByLabel('Unit').inputValue()).resolves.toBe('days');

    const preview = await previewCount(popup);
    expect(preview).toBeGreaterThan(0);
    await popup.getByRole('button', { name: 'Save segment' }).click();

    await item().waitFor();
    await until(() => listedMembers(item()), (n) => n === preview, 30_000);
    expect(await listedMembers(item())).toBe(preview);
    const segment = (await stored())!;
    expect(segment.rules.rules).toHaveLength(3);
    expect(segment.memberCount).toBe(preview);
  });

  it('shows the new segment as badges in the demo CRM', async () => {
    const segment = (await stored())!;
    const memberships = await readMemberships(world.extensionPage);
    const members = new Set(memberships.filter((m) => m.segmentId === segment.id).map((m) => m.leadId));
    await crmPage.bringToFront();
    const rows = await until(
      () =>
        crmPage.evaluate((segmentId) =>
          [...document.querySelectorAll('crm-segment-badges')].map((host) => ({
            leadId: host.getAttribute('data-lead-id')!,
            chip: !!host.shadowRoot?.querySelector(`[data-segment-id="${segmentId}"]`),
          })),
        segment.id),
      (list) => list.length === 50 && list.every((r) => r.chip === members.has(r.leadId)),
    );
    for (const row of rows) expect(row.chip).toBe(members.has(row.leadId));
  });

  it('edits a rule and the count follows', async () => {
    const before = await listedMembers(item());
    await popup.getByRole('button', { name: `Actions for ${NAME}` }).click();
    await popup.getByRole('menuitem', { name: 'Edit' }).click();
    await popup.getByRole('group', { name: 'Rule 2' }).getByLabel('Value').fill('8');
    const preview = await previewCount(popup);
    expect(preview).toBeLessThan(before);
    await popup.getByRole('button', { name: 'Save segment' }).click();
    await until(() => listedMembers(item()), (n) => n === preview, 30_000);
    expect(await listedMembers(item())).toBe(preview);
  });

  it('freezes members while inactive and catches up when reactivated', async () => {
    const segment = (await stored())!;
    const frozen = segment.memberCount;
    await item().getByRole('switch', { name: 'Active' }).click();
    await until(async () => (await stored())!.status, (s) => s === 'inactive');

    // A member leaves the rules: change its status in the CRM, on its detail page.
    const member = (await readMemberships(world.extensionPage)).find((m) => m.segmentId === segment.id)!;
    const crmId = member.leadId.split('/').pop()!;
    await crmPage.bringToFront();
    await crmPage.goto(`${world.crm.url}/leads/${crmId}`);
    await crmPage.getByLabel(/^Status of/).first().selectOption('Lost');
    await until(async () => (await readRow<{ status?: string }>(world.extensionPage, 'leads', member.leadId))?.status, (s) => s === 'Lost');
    await new Promise((r) => setTimeout(r, 500));
    expect((await stored())!.memberCount).toBe(frozen);
    expect(await listedMembers(item())).toBe(frozen);

    await item().getByRole('switch', { name: 'Active' }).click();
    const fresh = await sendFromPage<{ count: number }>(world.extensionPage, 'previewSegment', { rules: segment.rules });
    expect(fresh.ok && fresh.data.count).toBe(frozen - 1);
    await until(() => listedMembers(item()), (n) => n === frozen - 1, 30_000);
    expect(await listedMembers(item())).toBe(frozen - 1);
  });

  it('deletes after confirmation', async () => {
    const segment = (await stored())!;
    await popup.bringToFront();
    await popup.getByRole('button', { name: `Actions for ${NAME}` }).click();
    await popup.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = popup.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete segment' }).click();
    await item().waitFor({ state: 'detached' });
    expect(await stored()).toBeUndefined();
    const left = (await readMemberships(world.extensionPage)).filter((m) => m.segmentId === segment.id);
    expect(left).toEqual([]);
  });
});
