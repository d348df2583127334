/**
 * `npm run bench:browser`: measurements in real Chromium with the built extension (docs/semantics.md §9,
 * issues #3–#5): Sync all of the real dataset, preview latency on 9,240 leads (issue #4), badge
 * latency after an inline edit, time to first rows of a 9,240-member segment and, over 100,000
 * synthetic leads, ingest, full refresh, time to first rows and scroll frame times (issue #5).
 * Prints Markdown. Build first (`npm run build`; the npm script does it).
 */
import type { Page } from 'playwright-core';
import { startDemoCrm } from '../demo/server/server';
import { countTable, launchExtension, readTable, sendFromPage } from '../e2e/harness';
import { LEADS_CSV, until } from '../e2e/real-dataset';
import type { Segment } from '../lib/schema';
import { generateLeads } from './synthetic-leads';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const rows: string[][] = [];
const record = (what: string, figure: string, note = '') => {
  rows.push([what, figure, note]);
  console.error(`${what}: ${figure} ${note}`);
};

async function createAndSettle(page: Page, name: string, rules: unknown): Promise<{ segment: Segment; elapsed: number }> {
  const started = Date.now();
  const created = await sendFromPage<Segment>(page, 'createSegment', { draft: { name, color: '#4f46e5', rules } });
  if (!created.ok) throw new Error(created.error);
  const segments = await until(
    async () => ((await countTable(page, 'jobs')) === 0 ? readTable<Segment>(page, 'segments') : []),
    (list) => list.some((s) => s.id === created.data.id && s.lastRefreshedAt !== undefined),
    600_000,
  );
  return { segment: segments.find((s) => s.id === created.data.id)!, elapsed: Date.now() - started };
}

/** Opens the side panel page on a segment and returns ms from navigation start to the first rows. */
async function firstRows(page: Page, extensionId: string, segmentId: string): Promise<number> {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?segment=${segmentId}`);
  await page.waitForFunction(() => performance.getEntriesByName('sidepanel:first-rows').length > 0, undefined, { timeout: 300_000 });
  return page.evaluate(() => performance.getEntriesByName('sidepanel:first-rows')[0]!.startTime);
}

/** Scrolls the member table for `durationMs` and returns the intervals between animation frames. */
function scrollFrames(page: Page, durationMs: number): Promise<number[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const scroller = document.querySelector('.table-scroll');
    const frames = [];
    let last = performance.now();
    const start = last;
    const step = (now) => {
      frames.push(now - last);
      last = now;
      scroller.scrollTop += 400;
      if (now - start < ${durationMs}) requestAnimationFrame(step);
      else resolve(frames.slice(1));
    };
    requestAnimationFrame(step);
  })`) as Promise<number[]>;
}

async function realDataset(): Promise<void> {
  const crm = await startDemoCrm({ port: 0, csvPath: LEADS_CSV });
  const session = await launchExtension();
  try {
    const page = await session.openExtensionPage('popup.html');
    let started = Date.now();
    const sync = await sendFromPage(page, 'syncAll', { pageUrl: `${crm.url}/leads` });
    if (!sync.ok) throw new Error(sync.error);
    record('Sync all, real dataset (9,240 leads, 19 API pages)', ms(Date.now() - started));

    const previews = [
      { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'google' }] },
      {
        combinator: 'and',
        rules: [
          { field: 'status', operator: 'equals', value: 'Converted' },
          { field: 'custom.total_visits', operator: 'gte', value: 5 },
          { field: 'lastContactAt', operator: 'in_last', value: { amount: 30, unit: 'days' } },
        ],
      },
      {
        combinator: 'and',
        rules: [
          { combinator: 'or', rules: [{ field: 'country', operator: 'is_any_of', value: ['India', 'United States'] }, { field: 'tags', operator: 'includes_any', value: ['Will revert after reading the email'] }] },
          { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'any', responses: ['opened', 'clicked'] } },
        ],
      },
    ];
    const roundTrips: number[] = [];
    const inside: number[] = [];
    for (let i = 0; i < 7; i++) {
      for (const rules of previews) {
        started = performance.now();
        const answer = await sendFromPage<{ elapsedMs: number }>(page, 'previewSegment', { rules, sampleSize: 5 });
        if (!answer.ok) throw new Error(answer.error);
        if (i > 0) {
          roundTrips.push(performance.now() - started);
          inside.push(answer.data.elapsedMs);
        }
      }
    }
    record('Preview on 9,240 leads: message round trip', `median ${ms(median(roundTrips))}, p95 ${ms(p95(roundTrips))}`, `${roundTrips.length} previews of 3 rule sets; evaluation inside the worker median ${ms(median(inside))}`);

    const google = await createAndSettle(page, 'Google', previews[0]);
    record('Create segment → members ready (full refresh, 9,240 leads)', ms(google.elapsed), `${google.segment.memberCount} members`);
    const everyone = await createAndSettle(page, 'Everyone', { combinator: 'and', rules: [{ field: 'name', operator: 'is_not_empty' }] });
    const converted = await createAndSettle(page, 'Converted', { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Converted' }] });

    const crmPage = await session.context.newPage();
    await crmPage.goto(`${crm.url}/leads`);
    await crmPage.waitForFunction(() => document.querySelectorAll('crm-segment-badges:not([hidden])').length >= 50, undefined, { timeout: 60_000 });
    const badgeLatency: number[] = [];
    for (let i = 0; i < 6; i++) {
      const target = (await crmPage.locator('tr[data-lead-id]').nth(i).getAttribute('data-lead-id'))!;
      const status = await crmPage.locator(`tr[data-lead-id="${target}"]`).getAttribute('data-status');
      const next = status === 'Converted' ? 'Lost' : 'Converted';
      const t0 = Date.now();
      await crmPage.selectOption(`tr[data-lead-id="${target}"] select`, next);
      await crmPage.waitForFunction(
        ({ id, segmentId, want }) => {
          const host = document.querySelector(`tr[data-lead-id="${id}"] crm-segment-badges`);
          return !!host?.shadowRoot?.querySelector(`[data-segment-id="${segmentId}"]`) === want;
        },
        { id: target, segmentId: converted.segment.id, want: next === 'Converted' },
        { timeout: 10_000 },
      );
      badgeLatency.push(Date.now() - t0);
    }
    record('Inline status edit in the CRM → badge updated', `median ${ms(median(badgeLatency))}, max ${ms(Math.max(...badgeLatency))}`, `${badgeLatency.length} edits; includes the CRM's own save`);

    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    const first: number[] = [];
    for (let i = 0; i < 3; i++) first.push(await firstRows(panel, session.extensionId, everyone.segment.id));
    record('Side panel: time to first rows, 9,240 members', `median ${ms(median(first))}`, '3 page loads, from navigation start');
  } finally {
    await session.close();
    await crm.close();
  }
}

async function syntheticHundredThousand(): Promise<void> {
  const count = 100_000;
  const leads = generateLeads({ count });
  const session = await launchExtension();
  try {
    const page = await session.openExtensionPage('popup.html');
    let started = Date.now();
    for (let i = 0; i < leads.length; i += 5000) {
      const answer = await sendFromPage(page, 'ingestLeads', { leads: leads.slice(i, i + 5000) });
      if (!answer.ok) throw new Error(answer.error);
    }
    record('Ingest 100,000 new leads (20 messages of 5,000)', ms(Date.now() - started), 'no segments yet');

    const everyone = await createAndSettle(page, 'Everyone', { combinator: 'and', rules: [{ field: 'name', operator: 'is_not_empty' }] });
    record('Full refresh of one segment over 100,000 leads', ms(everyone.elapsed), `${everyone.segment.memberCount.toLocaleString('en-US')} members`);
    const changed = { ...leads[123]!, status: leads[123]!.status === 'Converted' ? 'Lost' : 'Converted', syncedAt: Date.now() };
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      const answer = await sendFromPage(page, 'ingestLeads', { leads: [{ ...changed, name: `${changed.name} ${i}` }] });
      if (!answer.ok) throw new Error(answer.error);
      timings.push(performance.now() - started);
    }
    record('Ingest 1 changed lead, 1 active segment, 100,000 stored', `median ${ms(median(timings))}`, '5 runs, message round trip');

    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    const first = await firstRows(panel, session.extensionId, everyone.segment.id);
    record('Side panel: time to first rows, 100,000 members', ms(first), 'from navigation start');
    await panel.waitForTimeout(500);
    const frames = await scrollFrames(panel, 4000);
    record(
      'Side panel: scrolling 100,000 members (400 px per frame, 4 s)',
      `median ${median(frames).toFixed(1)} ms, p95 ${p95(frames).toFixed(1)} ms, max ${Math.max(...frames).toFixed(0)} ms`,
      `${frames.length} frames`,
    );
  } finally {
    await session.close();
  }
}

await realDataset();
await syntheticHundredThousand();
console.log('| measurement | figure | notes |\n|---|---|---|');
for (const [what, figure, note] of rows) console.log(`| ${what} | ${figure} | ${note} |`);
