import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../lib/messaging/protocol';
import type { RuleSet, Segment } from '../lib/schema';
import { parseSegmentFile } from '../lib/schema/segment-file';
import { SCREENSHOTS, readTable, sendFromPage } from './harness';
import { startSyncedWorld, until, type SyncedWorld } from './real-dataset';

const HOT: RuleSet = { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] };
const ENGAGED: RuleSet = {
  combinator: 'and',
  rules: [
    { field: 'custom.total_visits', operator: 'gte', value: 5 },
    {
      combinator: 'or',
      rules: [
        { field: 'source', operator: 'is_any_of', value: ['Google', 'Direct Traffic'] },
        { field: 'lastContactAt', operator: 'in_last', value: { amount: 90, unit: 'days' } },
      ],
    },
  ],
};

describe('organization view and segment files on the real dataset', () => {
  let world: SyncedWorld;
  let crmPage: Page;
  let popup: Page;
  const currentUser = async () => {
    const answer = await sendFromPage<CurrentUser>(world.extensionPage, 'getCurrentUser', {});
    return answer.ok ? answer.data.userId : `error: ${answer.error}`;
  };
  /** Switches the signed-in user in the demo CRM's user menu and waits until the extension follows. */
  const switchTo = async (name: string, userId: string) => {
    await crmPage.bringToFront();
    await crmPage.getByRole('button', { name: /^Account:/ }).click();
    await crmPage.getByRole('menuitemradio', { name: new RegExp(name) }).click();
    await crmPage.getByRole('button', { name: new RegExp(`^Account: ${name}`) }).waitFor();
    expect(await until(currentUser, (id) => id === userId)).toBe(userId);
  };
  const rowNames = () => popup.locator('li.segment-row .segment-name').allTextContents();
  const viewOptions = () => popup.getByRole('combobox', { name: 'View' }).locator('option').allTextContents();
  const oliviaSegments = async () => (await readTable<Segment>(world.extensionPage, 'segments')).filter((s) => s.ownerId === 'u-olivia');

  beforeAll(async () => {
    world = await startSyncedWorld();
    crmPage = await world.session.context.newPage();
    await crmPage.goto(`${world.crm.url}/leads`);
    popup = await world.session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
  });
  afterAll(() => world?.close());

  it('as the owner, creates two segments that the popup lists as mine', async () => {
    expect(await currentUser()).toBe('u-olivia');
    await world.createSegment('Converted leads', '#16a34a', HOT);
    await world.createSegment('Engaged visitors', '#2563eb', ENGAGED);
    await world.settled();
    await popup.bringToFront();
    await until(rowNames, (names) => names.length === 2);
    expect(await rowNames()).toEqual(['Converted leads', 'Engaged visitors']);
    expect(await viewOptions()).toEqual(['My segments', 'All organization segments']);
  });

  it('as the member, does not offer the organization view and hides the owner’s segments', async () => {
    await switchTo('Priya Shah', 'u-priya');
    await popup.reload();
    await popup.getByRole('combobox', { name: 'View' }).waitFor();
    expect(await viewOptions()).toEqual(['My segments']);
    await popup.getByText('No segments yet').waitFor();
    expect(await rowNames()).toEqual([]);
    expect(await popup.getByText('Converted leads').count()).toBe(0);
  });

  it('as the admin, shows both read-only with their creator, and the background refuses forged writes', async () => {
    await switchTo('Marcus Reyes', 'u-marcus');
    await popup.bringToFront();
    await popup.reload();
    await popup.getByRole('combobox', { name: 'View' }).selectOption({ label: 'All organization segments' });
    await until(rowNames, (names) => names.length === 2);
    for (const name of ['Converted leads', 'Engaged visitors']) {
      const row = popup.getByRole('listitem').filter({ has: popup.getByText(name, { exact: true }) });
      expect(await row.getByText('by Olivia Bennett').count()).toBe(1);
      expect(await row.getByRole('switch', { name: 'Active' }).count()).toBe(0);
    }
    await popup.getByRole('combobox', { name: 'Created by' }).selectOption({ label: 'Olivia Bennett' });
    await popup.getByRole('button', { name: 'Actions for Converted leads' }).click();
    expect(await popup.getByRole('menuitem').allTextContents()).toEqual([
      'Show membersOpens the side panel',
      'AnalysisGrowth and conversion in the side panel',
      'Export definitionSaves its rules as a file to share',
      'Duplicate to my segmentsA copy you can edit',
    ]);
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-organization.png') });
    await popup.keyboard.press('Escape');

    const [target] = (await oliviaSegments()).filter((s) => s.name === 'Converted leads');
    const forged = [
      await sendFromPage(world.extensionPage, 'updateSegment', { id: target!.id, patch: { name: 'Hijacked', rules: ENGAGED } }),
      await sendFromPage(world.extensionPage, 'deleteSegment', { id: target!.id }),
      await sendFromPage(world.extensionPage, 'deactivateSegment', { id: target!.id }),
      await sendFromPage(world.extensionPage, 'refreshSegment', { id: target!.id }),
    ];
    for (const answer of forged) expect(answer).toEqual({ ok: false, error: 'Only Olivia Bennett can change this segment.' });
    const after = (await oliviaSegments()).find((s) => s.id === target!.id)!;
    expect(after).toMatchObject({ name: 'Converted leads', status: 'active', rules: HOT, rulesVersion: 1 });
  });

  it('as the owner, exports, deletes, imports and gets identical rules', async () => {
    await switchTo('Olivia Bennett', 'u-olivia');
    const before = (await oliviaSegments()).sort((a, b) => a.name.localeCompare(b.name));
    const options = await world.session.openExtensionPage('options.html#segment-files');
    const exportAll = options.getByRole('button', { name: 'Export all my segments (2 segments)' });
    const [download] = await Promise.all([options.waitForEvent('download'), exportAll.click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const parsed = parseSegmentFile(text);
    expect(parsed.ok && parsed.file.segments.map((s) => [s.name, s.createdBy.name])).toEqual([
      ['Converted leads', 'Olivia Bennett'],
      ['Engaged visitors', 'Olivia Bennett'],
    ]);

    for (const s of before) expect((await sendFromPage(world.extensionPage, 'deleteSegment', { id: s.id })).ok).toBe(true);
    expect(await oliviaSegments()).toEqual([]);

    await options.getByLabel('Segment file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await options.getByRole('button', { name: 'Import 2 segments' }).click();
    await options.getByRole('status').filter({ hasText: 'Imported 2 segments.' }).waitFor();
    const imported = (await oliviaSegments()).sort((a, b) => a.name.localeCompare(b.name));
    expect(imported.map((s) => [s.name, s.color, s.status, s.rules, s.error])).toEqual(before.map((s) => [s.name, s.color, s.status, s.rules, undefined]));
    const settled = await world.settled();
    expect(settled.filter((s) => s.ownerId === 'u-olivia').map((s) => s.memberCount).sort()).toEqual(before.map((s) => s.memberCount).sort());

    // The same file again: both names clash with mine; they are skipped unless renamed.
    await options.getByLabel('Segment file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await options.getByRole('group', { name: 'You already have a segment named “Converted leads”.' }).waitFor();
    expect(await options.getByRole('button', { name: 'Import 0 segments' }).isDisabled()).toBe(true);
    await options.close();
  });
});
