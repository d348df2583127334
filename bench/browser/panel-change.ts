import type { Page } from 'playwright-core';
import type { Lead } from '../../lib/schema';
import type { ChangeMeasured } from './panel-kit-change';
import { kit, panelKitSource, SEARCH_KEY } from './panel-steps';
import { absoluteTarget, median, record } from './results';
import type { BenchSession } from './session';

const n = (x: number) => x.toLocaleString('en-US');
/** Where the side panel keeps its sort (components/members/preferences.ts). */
const SORT_KEY = 'crm-segments.sidepanel.sort';
/** The row scrolled to the top before each change: the panel must keep its place. */
const SCROLL_ROW = 150;

/** The three states of the panel a change is measured in, each set up from the previous one. */
const VARIANTS = [
  { name: 'sorted by Name', setUp: async () => undefined },
  { name: `sorted by Name, search "${SEARCH_KEY}" active`, setUp: (page: Page) => page.getByLabel('Search members').fill(SEARCH_KEY) },
  {
    name: 'sorted by Company',
    setUp: async (page: Page) => {
      await page.getByLabel('Search members').fill('');
      await page.locator('.sort-button[title="Sort by Company"]').click();
    },
  },
] as const;

/** The name shown after an edit that keeps the lead's place in every order (the collation ignores case). */
const edited = (name: string) => (name.toUpperCase() !== name ? name.toUpperCase() : name.toLowerCase());

/** One lead changed three ways from the panel page: edited (stays a member), leaves (its name emptied), joins again. */
async function changeThreeWays(b: BenchSession, page: Page, size: number): Promise<Record<'edit' | 'leave' | 'join', ChangeMeasured>> {
  const shown = Number(await page.locator('p.showing').getAttribute('data-shown'));
  const leadId = await kit(page, 'scrollToRow', Math.min(SCROLL_ROW, Math.floor(shown / 2)));
  const lead = await b.page('storedLead', leadId);
  if (!lead) throw new Error(`lead ${leadId} is not stored`);
  let stamp = lead.crmUpdatedAt ?? 0;
  const version = (name: string): Lead => ({ ...lead, name, crmUpdatedAt: ++stamp, syncedAt: Date.now() });
  const edit = await kit(page, 'changeLead', version(edited(lead.name)), { leadId, text: edited(lead.name), total: size });
  const leave = await kit(page, 'changeLead', version(''), { leadId, total: size - 1 });
  const join = await kit(page, 'changeLead', version(lead.name), { leadId, text: lead.name, total: size });
  return { edit, leave, join };
}

/**
 * One lead changes while the side panel shows `size` members (every lead a member of
 * `segmentId`), in three states of the panel (sorted by Name; with a search; sorted by Company),
 * `runs` times: the longest animation frame from the change being sent on, and the time until the
 * panel shows it (the row's new name; the row gone and the total one lower; back again).
 */
export async function panelChangeStep(b: BenchSession, page: Page, segmentId: string, size: number, runs: number): Promise<void> {
  const savedSort = await page.evaluate((key) => localStorage.getItem(key), SORT_KEY);
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ columnId: 'name', direction: 'asc' })), SORT_KEY);
  await page.goto(b.extensionUrl(`sidepanel.html?segment=${encodeURIComponent(segmentId)}`));
  await page.evaluate(await panelKitSource());
  await kit(page, 'ready', size);
  const results = VARIANTS.map(() => [] as Array<Record<'edit' | 'leave' | 'join', ChangeMeasured>>);
  try {
    for (const [v, variant] of VARIANTS.entries()) {
      await variant.setUp(page);
      await kit(page, 'ready', size);
      for (let i = 0; i < runs; i++) results[v]!.push(await changeThreeWays(b, page, size));
      const last = results[v]![runs - 1]!;
      console.error(`  ${variant.name}: longest frames — edit ${last.edit.longest}; leave ${last.leave.longest}; join ${last.join.longest}`);
    }
  } finally {
    await page.evaluate(({ key, value }) => (value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value)), { key: SORT_KEY, value: savedSort });
  }
  for (const [v, variant] of VARIANTS.entries()) {
    const of = (kind: 'edit' | 'leave' | 'join', field: 'longestFrameMs' | 'shownMs' | 'ingestMs') => median(results[v]!.map((r) => r[kind][field]));
    const longest = Math.max(of('edit', 'longestFrameMs'), of('leave', 'longestFrameMs'), of('join', 'longestFrameMs'));
    const parts = (['edit', 'leave', 'join'] as const).map((kind) => `${kind}: frame ${of(kind, 'longestFrameMs').toFixed(0)} ms, shown after ${of(kind, 'shownMs').toFixed(0)} ms (ingest ${of(kind, 'ingestMs').toFixed(0)} ms)`);
    record({
      leads: n(size),
      operation: `side panel, one lead changes (${variant.name}; longest frame)`,
      ours: longest,
      ...absoluteTarget(longest, 50, size >= 250_000),
      note: `median of ${runs}; ${parts.join('; ')}; ${n(size)} members, scrolled to row ${SCROLL_ROW}`,
    });
  }
}
