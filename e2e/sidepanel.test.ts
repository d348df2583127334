import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../lib/schema';
import { readRow, sendFromPage } from './harness';
import { startSyncedWorld, until, type SyncedWorld } from './real-dataset';

async function showing(panel: Page): Promise<{ shown: number; total: number }> {
  const status = panel.locator('p.showing[data-total]');
  await status.waitFor({ timeout: 30_000 });
  const text = (await status.textContent()) ?? '';
  const match = /Showing ([\d,]+) of ([\d,]+) members?/.exec(text);
  if (!match) throw new Error(`unexpected status text: ${text}`);
  return { shown: Number(match[1]!.replace(/,/g, '')), total: Number(match[2]!.replace(/,/g, '')) };
}

describe('side panel on the real dataset', () => {
  let world: SyncedWorld;
  let google: Segment;
  let twoRules: Segment;
  beforeAll(async () => {
    world = await startSyncedWorld();
    google = await world.createSegment('Google leads', '#2563eb', {
      combinator: 'and',
      rules: [{ field: 'source', operator: 'equals', value: 'google' }],
    });
    twoRules = await world.createSegment('Converted in India', '#059669', {
      combinator: 'and',
      rules: [
        { field: 'status', operator: 'equals', value: 'Converted' },
        { field: 'country', operator: 'equals', value: 'India' },
      ],
    });
    await world.settled();
  });
  afterAll(() => world?.close());

  it('lists every member, narrows by search and exports exactly the rows shown', async () => {
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${google.id}`);
    await panel.setViewportSize({ width: 900, height: 800 });
    const all = await until(() => showing(panel), (v) => v.total === 2873);
    expect(all).toEqual({ shown: 2873, total: 2873 });
    await expect(panel.getByLabel('Segment', { exact: true }).inputValue()).resolves.toBe(google.id);

    await panel.getByLabel('Search members').fill('sharma');
    const narrowed = await until(() => showing(panel), (v) => v.shown < 2873);
    expect(narrowed.total).toBe(2873);
    expect(narrowed.shown).toBeGreaterThan(0);
    expect(narrowed.shown).toBeLessThan(2873);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^google-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toHaveLength(narrowed.shown + 1);
    expect(parsed.data[0]).toContain('Name');
    for (const row of parsed.data.slice(1)) expect(row.join(' ').toLowerCase()).toContain('sharma');
  });

  it('sorts 2,873 members in the member worker, keeping the list on screen, in collation order', async () => {
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${google.id}`);
    await panel.setViewportSize({ width: 900, height: 800 });
    await until(() => showing(panel), (v) => v.total === 2873);
    const header = panel.locator('[role="columnheader"]', { has: panel.locator('.sort-button[title="Sort by Name"]') });
    const direction = await header.getAttribute('aria-sort');
    const firstNames = async () => {
      await panel.locator('p.showing[data-shown]:not([data-busy])').waitFor({ timeout: 30_000 });
      return panel.locator('.member-row').evaluateAll((rows) =>
        rows
          .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')), name: row.querySelector('.cell-name')?.textContent ?? '' }))
          .sort((a, b) => a.index - b.index)
          .map((r) => r.name),
      );
    };
    const before = await firstNames();
    await panel.locator('.sort-button[title="Sort by Name"]').click();
    const flipped = direction === 'ascending' ? 'descending' : 'ascending';
    await expect(header.getAttribute('aria-sort')).resolves.toBe(flipped);
    const after = await until(firstNames, (names) => names[0] !== before[0]);
    expect(after.length).toBeGreaterThan(10);
    // Ordered by the member worker (a module worker of the extension), not on the page.
    expect(panel.workers().map((w) => w.url()).filter((url) => /\/member-query-worker-[\w-]+\.js$/.test(url))).toHaveLength(1);
    // Same rules as the page's own sort: case- and accent-insensitive, digits numerically.
    const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });
    const sign = flipped === 'ascending' ? 1 : -1;
    for (let i = 1; i < after.length; i++) expect(sign * collator.compare(after[i - 1]!, after[i]!), `${after[i - 1]} / ${after[i]}`).toBeLessThanOrEqual(0);
    await panel.locator('.sort-button[title="Sort by Name"]').click(); // back to the order the other tests expect
    await expect(header.getAttribute('aria-sort')).resolves.toBe(direction);
    await until(firstNames, (names) => names[0] === before[0]);
  });

  it('explains a member with one ✓ line per rule', async () => {
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${twoRules.id}`);
    await panel.setViewportSize({ width: 900, height: 800 });
    await until(() => showing(panel), (v) => v.total === v.shown && v.total > 1000);
    await panel.locator('[role="grid"] [role="row"][aria-rowindex="3"], [role="grid"] .table-row:not(.table-header-row):not(.table-filter-row)').first().click();
    const details = panel.getByRole('region', { name: 'Member details' });
    await details.waitFor();
    await expect(details.getByText('Why they match').count()).resolves.toBeGreaterThan(0);
    const lines = details.locator('.why-rule');
    await expect(lines.count()).resolves.toBe(2);
    await expect(details.locator('.why-rule[data-matched="true"]').count()).resolves.toBe(2);
    const texts = await lines.allTextContents();
    expect(texts.every((t) => t.includes('✓'))).toBe(true);
    expect(texts[0]).toContain('Status is Converted');
  });

  it('paints the first page of members before the whole member list is read', async () => {
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${google.id}`);
    await panel.setViewportSize({ width: 900, height: 800 });
    await until(() => showing(panel), (v) => v.total === 2873);
    // The benchmark mark is set when the first rows are on screen, with how many members were read by then.
    const firstRows = await panel.evaluate(() => {
      const entry = performance.getEntriesByName('sidepanel:first-rows')[0] as PerformanceMark | undefined;
      return entry?.detail as { members: number } | undefined;
    });
    expect(firstRows?.members).toBeGreaterThan(0);
    expect(firstRows!.members).toBeLessThan(2873);
  });

  it('says "Refreshing… N of M leads checked" with a provisional count while the segment refreshes', async () => {
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${twoRules.id}`);
    await panel.setViewportSize({ width: 900, height: 800 });
    const before = await until(() => showing(panel), (v) => v.total > 1000);
    // Record every progress text and provisional mark the panel shows, however briefly.
    await panel.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const record = () => {
        const progress = document.querySelector('.summary-progress');
        if (progress) seen.push(`${progress.textContent ?? ''}|${document.querySelector('.summary-count[data-provisional]') ? 'provisional' : ''}|${document.querySelector('p.showing[data-provisional]') ? 'list-provisional' : ''}`);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const answer = await sendFromPage(world.extensionPage, 'refreshSegment', { id: twoRules.id });
    expect(answer.ok).toBe(true);
    await world.settled();
    const seen = await panel.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const progress = seen.map((entry) => /^Refreshing… ([\d,]+) of ([\d,]+) leads checked\|provisional\|/.exec(entry)).filter((m) => m !== null);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((m) => m[2] === '9,240')).toBe(true);
    expect(progress.every((m) => Number(m[1]!.replace(/,/g, '')) <= 9240)).toBe(true);
    // Once it is done, the progress goes away and the list is final again (same members: same rules).
    await panel.locator('.summary-progress').waitFor({ state: 'detached', timeout: 30_000 });
    const after = await until(() => showing(panel), (v) => v.total === before.total);
    expect(after).toEqual(before);
    await expect(panel.locator('.summary-count[data-provisional]').count()).resolves.toBe(0);
  });

  it('opens a lead’s details when its badge is clicked in the CRM', async () => {
    const crmPage = await world.session.context.newPage();
    await crmPage.goto(`${world.crm.url}/leads`);
    const chip = crmPage.locator(`crm-segment-badges:not([hidden]) [data-segment-id="${google.id}"]`).first();
    await chip.waitFor({ timeout: 30_000 });
    const leadId = await chip.evaluate((el) => (el.getRootNode() as ShadowRoot).host.getAttribute('data-lead-id'));
    const lead = await readRow<{ name: string }>(world.extensionPage, 'leads', leadId!);
    expect(lead?.name).toBeTruthy();
    // Chrome opens the side panel as its own target, which Playwright does not attach to: find it
    // through CDP, then load the same URL in a tab to look at what it shows.
    const cdp = await world.session.context.newCDPSession(crmPage);
    const sidePanelUrl = async () =>
      (await cdp.send('Target.getTargets')).targetInfos
        .map((t) => t.url)
        .find((u) => u.includes('/sidepanel.html?') && new URL(u).searchParams.get('lead') === leadId) ?? '';
    await chip.click();
    const url = await until(sidePanelUrl, (u) => u !== '', 15_000);
    expect(new URL(url).searchParams.get('segment')).toBe(google.id);
    const panel = await world.session.context.newPage();
    await panel.goto(url);
    const details = panel.getByRole('region', { name: 'Member details' });
    await details.waitFor({ timeout: 15_000 });
    const text = await until(async () => (await details.textContent()) ?? '', (t) => t.includes(lead!.name), 15_000);
    expect(text).toContain(lead!.name);
    expect(text).toContain('Why they match');
  });
});
