import type { Page } from 'playwright-core';
import { BENCH_CUSTOM_FIELDS } from '../context';
import { absoluteTarget, median, ratioTarget, record } from './results';
import type { RuleSet } from '../../lib/schema';
import { CONTACTED, EVERYONE, FIFTY_SEGMENTS } from './rules';
import type { BenchSession } from './session';
import { panelSortSearchStep } from './panel-steps';
import { panelChangeStep } from './panel-change';

const n = (x: number) => x.toLocaleString('en-US');

let capMs = 180_000;
/** The longest one product operation may take before it is stopped and recorded as "> cap" (keeps the run bounded). */
export function setCap(ms: number): void {
  capMs = ms;
}

/** Which of {@link segmentSteps} run: all; only the every-lead refresh and the side panel rows (`--panel-only`); only the page openings (`--ui-only`). */
export type SegmentStepsMode = 'all' | 'panel' | 'ui';
let mode: SegmentStepsMode = 'all';
/** Sets which of {@link segmentSteps} run (see {@link SegmentStepsMode}). */
export function setSegmentStepsMode(next: SegmentStepsMode): void {
  mode = next;
}

/** Ingests `count` more synthetic leads (messages of 5,000) next to the raw put, and records the row. */
export async function ingestStep(b: BenchSession, size: number, count: number, withSegments = false): Promise<void> {
  const result = await b.profiled(withSegments ? 'ingest-50' : 'ingest', size, () => b.page('ingest', count, 5000, !withSegments));
  if (result.stored !== count) throw new Error(`ingest stored ${result.stored} of ${count}`);
  const operation = withSegments ? 'ingest new leads, messages of 5,000, 50 active segments' : 'ingest new leads, messages of 5,000';
  const baseline = withSegments ? {} : { baseline: result.rawMs, ...ratioTarget(result.productMs, result.rawMs, 1.3) };
  record({ leads: n(size), operation, ours: result.productMs, ...baseline, note: `${n(count)} new leads (${n(size - count)} → ${n(size)})` });
  if (!withSegments) {
    const note = 'baseline: raw put into a store with the product\'s schema (`crmKey` index)';
    record({ leads: n(size), operation: `${operation}, vs raw put with the crmKey index`, ours: result.productMs, baseline: result.rawIndexedMs, note });
  }
}

/** Preview of the 34 % rules: the first (cold) round trip and the median of the next five. */
export async function previewStep(b: BenchSession, size: number): Promise<void> {
  const result = await b.profiled('preview', size, () => b.page('preview', CONTACTED, 6));
  if (result.total !== size) throw new Error(`preview scanned ${result.total} leads, expected ${size}`);
  const limit = size <= 10_000 ? 100 : size >= 250_000 ? 1000 : undefined;
  const [cold, ...warm] = result.ms;
  record({ leads: n(size), operation: 'preview (first after the ingest)', ours: cold!, ...absoluteTarget(cold!, limit ?? 0, limit !== undefined), note: `${n(result.count)} of ${n(result.total)} match` });
  record({ leads: n(size), operation: 'preview (median of the next 5)', ours: median(warm), ...absoluteTarget(median(warm), limit ?? 0, limit !== undefined) });
}

/**
 * One timed full refresh: a segment with `rules` created (the popup's createSegment) until its
 * refresh job is done — with the side panel opened on it as soon as it exists when `panel` is
 * given — next to the raw chunked read + packed write. Returns the segment's id (still stored).
 */
async function refreshPair(b: BenchSession, size: number, rules: RuleSet, label: string, productFirst: boolean, op: string, panel?: Page): Promise<string> {
  const product = () =>
    b.profiled(op, size, async () => {
      const { id, started } = await b.page('create', rules, `Bench ${op}`);
      if (panel) await panel.goto(b.extensionUrl(`sidepanel.html?segment=${encodeURIComponent(id)}`), { waitUntil: 'commit' });
      const done = await b.page('refreshed', id, started, capMs);
      return { id, ms: done.at - started, memberCount: done.memberCount, finished: done.finished };
    });
  const baseline = () => b.worker('refresh', rules, 'Asia/Kolkata');
  const ours = productFirst ? await product() : undefined;
  const raw = await baseline();
  const result = ours ?? (await product());
  if (result.finished && result.memberCount !== raw.members) throw new Error(`${label}: ${result.memberCount} members, raw baseline found ${raw.members}`);
  const members = result.finished ? `${n(result.memberCount)} members` : `stopped at the cap (${n(result.memberCount)} of ${n(raw.members)} members written), segment deleted`;
  const note = `${members}${panel ? '; panel opened as soon as the segment existed' : ''}`;
  record({ leads: n(size), operation: label, ours: result.ms, baseline: raw.ms, ...ratioTarget(result.ms, raw.ms, 2, size >= 100_000), note, capped: !result.finished });
  return result.id;
}

/** Deletes segment `id` (the popup's deleteSegment). */
const deleteSegment = (b: BenchSession, id: string) => b.page('send', 'deleteSegment', { id });

/** Opens the side panel page on `segmentId` in `page` and returns ms from navigation start to its first rows. */
async function firstRows(b: BenchSession, page: Page, segmentId: string): Promise<number> {
  await page.goto(b.extensionUrl(`sidepanel.html?segment=${encodeURIComponent(segmentId)}`));
  const handle = await page.waitForFunction(() => performance.getEntriesByName('sidepanel:first-rows')[0]?.startTime ?? 0, undefined, { timeout: capMs }).catch(() => undefined);
  return handle ? ((await handle.jsonValue()) as number) : Infinity;
}

/**
 * Opens the popup page in `page` and returns ms from navigation start to the first segment count on
 * screen. Polls from the navigation's commit: waiting for `load` first would time the load event
 * (module chunks the page imports later, after its first frame, delay it), not the counts.
 */
async function popupCounts(b: BenchSession, page: Page): Promise<number> {
  await page.goto(b.extensionUrl('popup.html'), { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (document.querySelector('.segment-count') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 120_000 });
  return (await handle.jsonValue()) as number;
}

/**
 * The raw baseline of a page opening: a blank extension page (its manifest.json) loaded in
 * `page`, the page kit evaluated, `fn` run; ms from navigation start to its rows read, and the
 * read alone.
 */
async function rawFromBlank(b: BenchSession, page: Page, fn: 'rawFirstPage' | 'rawSegments', segmentId: string): Promise<{ fromStart: number; read: number }> {
  await page.goto(b.extensionUrl('manifest.json'));
  await page.evaluate(b.pageSource);
  return page.evaluate(
    async ({ fn, segmentId }) => {
      const kit = (globalThis as unknown as { __benchPage: Record<string, (id: string, n: number) => Promise<{ ms: number }>> }).__benchPage;
      const { ms } = await kit[fn]!(segmentId, 50);
      return { fromStart: performance.now(), read: ms };
    },
    { fn, segmentId },
  );
}

/**
 * Every per-size operation on segments: full refreshes (34 % and every lead) of a new segment
 * without and with the side panel open on it, side panel first rows and popup counts (with the
 * every-lead segment stored). Product and baseline take turns; every segment is deleted after.
 */
export async function segmentSteps(b: BenchSession, size: number, runs: number): Promise<void> {
  if (mode === 'all') await deleteSegment(b, await refreshPair(b, size, CONTACTED, 'full refresh, 34 % members', true, 'refresh-34'));
  const segmentId = await refreshPair(b, size, EVERYONE, 'full refresh, every lead a member', false, 'refresh-all');

  const view = await b.session.context.newPage();
  await view.setViewportSize({ width: 400, height: 900 });
  const ours: number[] = [];
  const raw: Array<{ fromStart: number; read: number }> = [];
  const rawNote = () => `raw: blank extension page, navigation start → rows read (the read alone: ${median(raw.map((r) => r.read)).toFixed(0)} ms)`;
  for (let i = 0; i < runs; i++) {
    ours.push(await b.profiled('first-rows', size, () => firstRows(b, view, segmentId)));
    raw.push(await rawFromBlank(b, view, 'rawFirstPage', segmentId));
  }
  const first = Math.min(median(ours), capMs);
  record({ leads: n(size), operation: 'side panel first rows', ours: first, capped: first === capMs, baseline: median(raw.map((r) => r.fromStart)), ...absoluteTarget(first, 150, size >= 250_000), note: `median of ${runs}, from navigation start; ${n(size)} members; ${rawNote()}` });
  if (mode !== 'ui') {
    await panelSortSearchStep(b, view, segmentId, size, runs);
    await panelChangeStep(b, view, segmentId, size, runs);
  }
  if (mode === 'panel') {
    await deleteSegment(b, segmentId);
    return view.close();
  }
  ours.length = raw.length = 0;
  for (let i = 0; i < runs; i++) {
    raw.push(await rawFromBlank(b, view, 'rawSegments', segmentId));
    ours.push(await b.profiled('popup', size, () => popupCounts(b, view)));
  }
  record({ leads: n(size), operation: 'popup open → counts visible', ours: median(ours), baseline: median(raw.map((r) => r.fromStart)), ...absoluteTarget(median(ours), 100), note: `median of ${runs}, from navigation start; ${rawNote()}` });

  await deleteSegment(b, segmentId);
  if (mode === 'ui') return view.close();
  await deleteSegment(b, await refreshPair(b, size, CONTACTED, 'full refresh, 34 % members, side panel open on it', false, 'refresh-34-panel', view));
  await deleteSegment(b, await refreshPair(b, size, EVERYONE, 'full refresh, every lead a member, side panel open on it', true, 'refresh-all-panel', view));
  await view.close();
}

/** Records the worker's heap: now, and the largest sampled since the last call. */
export async function heapStep(b: BenchSession, size: number): Promise<void> {
  const now = await b.debugger.heapMb();
  const sampled = b.takePeakHeapMb();
  const peak = Math.max(now, sampled.mb);
  const when = sampled.mb >= now ? `; largest in the operation after "${sampled.after}"` : '';
  record({ leads: n(size), operation: 'worker JS heap, largest sampled (every 0.5 s)', ours: peak, unit: 'MB', ...absoluteTarget(peak, 300, size >= 250_000, 'MB'), note: `${now.toFixed(0)} MB after the step${when}` });
}

/** Deletes every product row ("Delete all data") and empties the raw baseline's stores. */
export async function resetAll(b: BenchSession, timeZone: string): Promise<void> {
  await b.page('send', 'deleteAllData', { confirmation: 'DELETE' });
  await b.page('send', 'setTimeZone', { timeZone });
  await b.worker('clear');
}

/** Creates the benchmark's custom fields (the CSV import's `prepareImport`) and the 50 active segments (a segment file import). */
export async function fiftySegments(b: BenchSession): Promise<void> {
  await b.page('send', 'prepareImport', { headers: ['id'], mapping: { columns: [], keyColumn: 0 }, newFields: BENCH_CUSTOM_FIELDS });
  await b.page('send', 'importSegments', { segments: FIFTY_SEGMENTS.map((s) => ({ ...s, description: '' })) });
  await b.page('jobsIdle');
}

/** "Sync all" of the demo CRM's real leads into an empty store, `runs` times, each next to the raw fetch + convert + put. */
export async function syncStep(b: BenchSession, crmUrl: string, runs: number, timeZone: string): Promise<void> {
  const ours: number[] = [];
  const raw: number[] = [];
  let stored = 0;
  for (let i = 0; i < runs; i++) {
    await resetAll(b, timeZone);
    const result = await b.profiled('sync', i, () => b.page('timedSync', crmUrl));
    ours.push(result.ms);
    stored = result.stored;
    const baseline = await b.worker('sync', new URL(crmUrl).origin);
    if (baseline.leads !== stored) throw new Error(`Sync all stored ${stored} leads, the raw baseline ${baseline.leads}`);
    raw.push(baseline.ms);
  }
  record({ leads: `${n(stored)} real`, operation: 'Sync all (demo CRM, 500 a page)', ours: median(ours), baseline: median(raw), ...ratioTarget(median(ours), median(raw), 1.3), note: `median of ${runs}; raw = fetch + convert + put` });
  await resetAll(b, timeZone);
}

/** One changed lead with the 50 segments active: `runs` round trips next to the raw equivalent. */
export async function changedLeadStep(b: BenchSession, size: number, runs: number, timeZone: string): Promise<void> {
  const id = `bench@synthetic/${String(Math.ceil(size / 2)).padStart(7, '0')}`;
  const lead = await b.page('storedLead', id);
  if (!lead) throw new Error(`lead ${id} is not stored`);
  await b.worker('prepareChanged', lead, FIFTY_SEGMENTS.map((s) => s.rules), timeZone);
  const result = await b.profiled('changed', size, () => b.page('changedLead', lead, runs));
  record({ leads: n(size), operation: '1 changed lead, 50 active segments (round trip)', ours: median(result.product), baseline: median(result.raw), ...absoluteTarget(median(result.product), 15, size >= 250_000), note: `median of ${runs}` });
}
