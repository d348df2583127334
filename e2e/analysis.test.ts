/**
 * Analysis and Compare tabs on the real dataset (issue 8 §5). History over several days is seeded
 * through the product's real paths: the service worker's clock is shifted back (worker-clock.ts),
 * segments are created then (refresh on that day), and on later days lead statuses are edited in
 * the demo CRM and re-synced with `syncVisible` — the message the CRM page sends for leads on
 * screen — so the background's ingest records each day's history row.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Segment, SegmentHistory } from '../lib/schema';
import { SCREENSHOTS, readTable, sendFromPage } from './harness';
import { leadsCsvText, startSyncedWorld, until, type SyncedWorld } from './real-dataset';
import { shiftWorkerClock } from './worker-clock';

const DAY_MS = 86_400_000;

/** The day (YYYY-MM-DD, UTC — the browser's zone here) `n` days from now. */
const dayOf = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

describe('segment analysis on the real dataset', () => {
  let world: SyncedWorld;
  let google: Segment;
  let qualified: Segment;
  let converted: Segment;
  /** Demo CRM lead ids moved to "Qualified", with the status they had. */
  let pool: Array<{ id: string; status: string }>;

  /** Sets leads' statuses in the demo CRM, then has the background re-read them (as the CRM page does). */
  async function editAndSync(ids: string[], status: (id: string) => string): Promise<void> {
    for (const id of ids) {
      const res = await fetch(`${world.crm.url}/api/leads/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: status(id) }),
      });
      expect(res.status).toBe(200);
    }
    const synced = await sendFromPage<{ stored: number }>(world.extensionPage, 'syncVisible', { pageUrl: `${world.crm.url}/leads`, crmIds: ids });
    expect(synced).toMatchObject({ ok: true, data: { stored: ids.length } });
  }

  beforeAll(async () => {
    world = await startSyncedWorld();
    const worker = world.session.serviceWorker;
    const page = await (await fetch(`${world.crm.url}/api/leads?status=New&pageSize=80&sort=id&dir=asc`)).json();
    pool = (page.results as Array<{ id: string; status: string }>).map((r) => ({ id: r.id, status: r.status }));
    expect(pool).toHaveLength(80);

    // Day −6: the segments are created and fully evaluated.
    await shiftWorkerClock(worker, -6 * DAY_MS);
    google = await world.createSegment('Google leads', '#2563eb', { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'google' }] });
    qualified = await world.createSegment('Qualified pipeline', '#d97706', { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Qualified' }] });
    converted = await world.createSegment('Converted', '#059669', { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] });
    await world.settled();
    // Day −4: 40 leads qualified; day −2: 15 of them back to New; day −1: 25 more; today: 10 more.
    await shiftWorkerClock(worker, -4 * DAY_MS);
    await editAndSync(pool.slice(0, 40).map((l) => l.id), () => 'Qualified');
    await shiftWorkerClock(worker, -2 * DAY_MS);
    await editAndSync(pool.slice(0, 15).map((l) => l.id), () => 'New');
    await shiftWorkerClock(worker, -1 * DAY_MS);
    await editAndSync(pool.slice(40, 65).map((l) => l.id), () => 'Qualified');
    await shiftWorkerClock(worker, 0);
    await editAndSync(pool.slice(65, 75).map((l) => l.id), () => 'Qualified');
  });
  afterAll(() => world?.close());

  async function openPanel(segment: Segment, tab: 'Analysis' | 'Compare'): Promise<Page> {
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${segment.id}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.getByRole('tab', { name: tab }).click();
    return panel;
  }

  it('records one history row per day of change', async () => {
    const rows = (await readTable<SegmentHistory>(world.extensionPage, 'segmentHistory')).filter((r) => r.segmentId === qualified.id);
    expect(rows.map(({ day, count, added, removed }) => ({ day, count, added, removed }))).toEqual([
      { day: dayOf(-6), count: 0, added: 0, removed: 0 },
      { day: dayOf(-4), count: 40, added: 40, removed: 0 },
      { day: dayOf(-2), count: 25, added: 0, removed: 15 },
      { day: dayOf(-1), count: 50, added: 25, removed: 0 },
      { day: dayOf(0), count: 60, added: 10, removed: 0 },
    ]);
  });

  it('shows the conversion rate of the CSV with the demo status mapping', async () => {
    // docs/semantics.md §6: status "Converted" ⇔ Converted = 1; the segment: Lead Source equals "google" (case-insensitive).
    const csv = Papa.parse<Record<string, string>>(leadsCsvText(), { header: true, skipEmptyLines: true }).data;
    const members = csv.filter((row) => (row['Lead Source'] ?? '').trim().toLowerCase() === 'google');
    const convertedCount = members.filter((row) => row.Converted === '1').length;
    expect(members).toHaveLength(2873);
    const expected = `Conversion rate ${((convertedCount / members.length) * 100).toFixed(1)}%`;

    // The URL the popup's "Analysis" action opens: the panel starts on the Analysis tab.
    const panel = await world.session.openExtensionPage(`sidepanel.html?segment=${google.id}&view=analysis`);
    await panel.getByText(expected, { exact: true }).waitFor({ timeout: 30_000 });
    await expect(panel.getByRole('tab', { name: 'Analysis' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(panel.locator('.figure-note').textContent()).resolves.toContain(
      `${convertedCount.toLocaleString('en-US')} of ${members.length.toLocaleString('en-US')} members have a converted status`,
    );
  });

  it('draws the growth chart over the simulated days', async () => {
    const panel = await openPanel(qualified, 'Analysis');
    const chart = panel.getByRole('img', { name: /^Member count of Qualified pipeline/ });
    await chart.waitFor({ timeout: 30_000 });
    await expect(chart.getAttribute('data-days')).resolves.toBe('7');
    const summary = (await chart.getAttribute('aria-label')) ?? '';
    expect(summary).toContain('over 7 days');
    expect(summary).toContain('0 members to 60 members (+60)');
    // uPlot drew into a canvas inside the chart.
    await chart.locator('canvas').first().waitFor();
    await expect(panel.getByText('Conversion rate 0.0%', { exact: true }).count()).resolves.toBe(1);
    const week = panel.getByRole('table', { name: 'Membership changes' }).getByRole('row', { name: /Last 7 days/ });
    await expect(week.textContent()).resolves.toBe('Last 7 days+75−15');

    // Hovering a day shows its figures.
    const box = (await chart.boundingBox())!;
    await panel.mouse.move(box.x + box.width * 0.52, box.y + box.height / 2);
    const readout = await until(() => panel.locator('.growth-readout').textContent(), (t) => t !== null && !t.startsWith(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.now())));
    expect(readout).toMatch(/^\w{3} \d{1,2}, \d{4} · \d+ members/);
    await mkdir(SCREENSHOTS, { recursive: true });
    await panel.screenshot({ path: resolve(SCREENSHOTS, 'sidepanel-analysis.png') });
  });

  it('ranks every segment in the compare table and sorts by conversion rate', async () => {
    const panel = await openPanel(qualified, 'Compare');
    const table = panel.getByRole('table', { name: 'Compare segments' });
    await table.waitFor({ timeout: 30_000 });
    const names = () => table.locator('tbody tr th .compare-name').allTextContents();
    const rates = async () => (await table.locator('tbody tr td:last-child').allTextContents()).map((t) => Number.parseFloat(t));

    await until(names, (n) => n.length === 3);
    const header = table.getByRole('columnheader', { name: /Conversion rate/ });
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await names()).toEqual(['Converted', 'Google leads', 'Qualified pipeline']);
    expect(await rates()).toEqual([100, 39.9, 0]);

    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    expect(await names()).toEqual(['Qualified pipeline', 'Google leads', 'Converted']);

    // Members, by keyboard: Tab to the header button, Enter sorts largest first.
    await table.getByRole('button', { name: 'Members' }).focus();
    await panel.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: /Members/ }).getAttribute('aria-sort')).resolves.toBe('descending');
    const members = (await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(members).toEqual([...members].sort((a, b) => b - a));
    expect(members).toContain(2873);

    await header.getByRole('button').click();
    await panel.screenshot({ path: resolve(SCREENSHOTS, 'sidepanel-compare.png') });
    void converted;
  });
});
