import type { Page } from 'playwright-core';
import { bundleKit } from './bundle';
import type { panelKit } from './panel-kit';
import { absoluteTarget, median, record } from './results';
import type { BenchSession } from './session';
import { startPanelTrace } from './panel-trace';

type PanelKit = typeof panelKit;
type Fn = (...args: never[]) => unknown;
type Measured = Awaited<ReturnType<PanelKit['settle']>>;

const n = (x: number) => x.toLocaleString('en-US');
let source: Promise<string> | undefined;

/** The panel kit's bundled source (evaluated in each side panel page opened). */
export const panelKitSource = (): Promise<string> => (source ??= bundleKit('panel-kit.ts'));

/** Calls a panel-kit function in `page` (see panel-kit.ts). */
export async function kit<K extends keyof PanelKit>(page: Page, fn: K, ...args: Parameters<PanelKit[K]>): Promise<Awaited<ReturnType<PanelKit[K]>>> {
  return page.evaluate(({ fn, args }) => (globalThis as unknown as { __benchPanel: Record<string, Fn> }).__benchPanel[fn]!(...(args as never[])), { fn, args }) as never;
}

/** The character typed as the first search keystroke: in some members' names, in no e-mail domain (example.com). */
export const SEARCH_KEY = 'z';

/** Runs so far (names the traces of `--trace-panel`). */
let traceRun = 0;

/**
 * One run: the side panel opened on `segmentId` in `page` and left to load all `size` members
 * and settle; then a click on the "Name" column header, and then one keystroke into "Search
 * members", each measured from its event (panel-kit.ts).
 */
async function panelRun(b: BenchSession, page: Page, segmentId: string, size: number): Promise<{ sort: Measured; search: Measured }> {
  await page.goto(b.extensionUrl(`sidepanel.html?segment=${encodeURIComponent(segmentId)}`));
  await page.evaluate(await panelKitSource());
  await kit(page, 'ready', size);
  const run = ++traceRun;
  let stop = await startPanelTrace(page, `sort-${size}-${run}`);
  await kit(page, 'arm', 'sort');
  await page.locator('.sort-button[title="Sort by Name"]').click();
  const sort = await kit(page, 'settle');
  await stop();
  stop = await startPanelTrace(page, `search-${size}-${run}`);
  await kit(page, 'arm', 'search');
  await page.getByLabel('Search members').press(SEARCH_KEY);
  const search = await kit(page, 'settle');
  await stop();
  console.error(`  longest frame after the sort click: ${sort.longest}\n  longest frame after the keystroke: ${search.longest}`);
  return { sort, search };
}

/**
 * Side panel sort and search on `size` members (every lead a member of `segmentId`), `runs`
 * times, a fresh panel each run: the longest animation frame from the click or keystroke on
 * (the UI thread's longest freeze), and when the first row showed the new order.
 */
export async function panelSortSearchStep(b: BenchSession, page: Page, segmentId: string, size: number, runs: number): Promise<void> {
  const results: Array<{ sort: Measured; search: Measured }> = [];
  for (let i = 0; i < runs; i++) results.push(await panelRun(b, page, segmentId, size));
  const rows = [
    ['side panel sort by Name (longest frame)', 'sort', 'first row in the new order'],
    ['side panel first search keystroke (longest frame)', 'search', '"Showing X of Y" narrowed'],
  ] as const;
  for (const [operation, key, shown] of rows) {
    const longest = median(results.map((r) => r[key].longestFrameMs));
    const newOrder = median(results.map((r) => r[key].newOrderMs));
    const frames = results.map((r) => r[key].longFrames).join(', ');
    record({
      leads: n(size),
      operation,
      ours: longest,
      ...absoluteTarget(longest, 100, size >= 250_000),
      note: `median of ${runs}; ${shown} after ${newOrder.toFixed(0)} ms; long frames (${results[0]?.[key].entryType}) per run: ${frames}; ${n(size)} members, panel 400×900`,
    });
  }
}
