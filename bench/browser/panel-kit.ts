/**
 * What runs inside the side panel page for the sort and search measurements (issue 10 item 3),
 * bundled by `bench/browser/bundle.ts` and evaluated there by Playwright (nothing of it ships).
 * `arm` starts recording long animation frames and the time of the next click or input event;
 * `settle` waits until the table shows the new order (sort: another member in the first row;
 * search: another "Showing X" count), then until no long frame came for a while, and reports.
 */

import { changeKit } from './panel-kit-change';

type Kind = 'sort' | 'search';

interface Armed {
  kind: Kind;
  frames: PerformanceEntry[];
  observer: PerformanceObserver;
  eventAt: number | undefined;
  firstRow: string | undefined;
  shown: string | undefined;
}

let armed: Armed | undefined;

/** Lead id of the member in the table's first row (the lowest row index rendered). */
function firstRowId(): string | undefined {
  let best: { index: number; id: string } | undefined;
  for (const row of document.querySelectorAll<HTMLElement>('.member-row[data-lead-id]')) {
    const index = Number(row.getAttribute('aria-rowindex'));
    if (!best || index < best.index) best = { index, id: row.dataset.leadId ?? '' };
  }
  return best?.id;
}

const shownCount = () => document.querySelector<HTMLElement>('p.showing')?.dataset.shown;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Starts recording long animation frames (long tasks where those are not reported) and the next `kind` event's time. */
function arm(kind: Kind): void {
  armed?.observer.disconnect();
  const frames: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => frames.push(...list.getEntries()));
  const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
  observer.observe({ type });
  const state: Armed = { kind, frames, observer, eventAt: undefined, firstRow: firstRowId(), shown: shownCount() };
  document.addEventListener(kind === 'sort' ? 'click' : 'input', (event) => (state.eventAt ??= event.timeStamp), { capture: true, once: true });
  armed = state;
}

/**
 * Waits until the new order is on screen and then `quietMs` without a long frame (at most
 * `timeoutMs`): ms from the event to the first frame showing the new order, the longest frame
 * from the event on, and how many long frames there were.
 */
async function settle(quietMs = 600, timeoutMs = 120_000): Promise<{ newOrderMs: number; longestFrameMs: number; longFrames: number; entryType: string; longest: string }> {
  const state = armed;
  if (!state) throw new Error('arm first');
  const deadline = performance.now() + timeoutMs;
  let shownAt: number | undefined;
  for (;;) {
    const now = await nextFrame();
    if (shownAt === undefined && state.eventAt !== undefined) {
      // The count is left out while the panel is still ordering ("Searching…"): wait for the new one.
      const shown = shownCount();
      const changed = state.kind === 'sort' ? firstRowId() !== state.firstRow : shown !== undefined && shown !== state.shown;
      if (changed) shownAt = now;
    }
    const lastFrameEnd = Math.max(0, ...state.frames.map((f) => f.startTime + f.duration));
    if (shownAt !== undefined && now - Math.max(shownAt, lastFrameEnd) > quietMs) break;
    if (now > deadline) break;
  }
  state.frames.push(...state.observer.takeRecords());
  state.observer.disconnect();
  const from = state.eventAt ?? 0;
  const after = state.frames.filter((f) => f.startTime + f.duration >= from);
  return {
    newOrderMs: shownAt === undefined ? Infinity : shownAt - from,
    longestFrameMs: Math.max(0, ...after.map((f) => f.duration)),
    longFrames: after.length,
    entryType: state.frames[0]?.entryType ?? 'none',
    longest: describeFrame(after.reduce<PerformanceEntry | undefined>((a, f) => (!a || f.duration > a.duration ? f : a), undefined)),
  };
}

/** The longest frame's parts: start relative to the event, its scripts (by source) and rendering, for stderr. */
function describeFrame(frame: PerformanceEntry | undefined): string {
  if (!frame) return '';
  const f = frame as PerformanceEntry & { renderStart?: number; styleAndLayoutStart?: number; scripts?: Array<{ duration: number; invoker: string; sourceFunctionName: string; sourceURL: string }> };
  const scripts = (f.scripts ?? []).map((s) => `${s.invoker} ${s.sourceFunctionName}@${s.sourceURL.split('/').pop()} ${s.duration.toFixed(0)} ms`).join('; ');
  const render = f.renderStart ? ` render ${(f.startTime + f.duration - f.renderStart).toFixed(0)} ms` : '';
  return `${f.duration.toFixed(0)} ms at +${(f.startTime - (armed?.eventAt ?? 0)).toFixed(0)} ms: ${scripts}${render}`;
}

/** Waits until the list is complete ("Showing X of `total`") and no long frame came for `quietMs`. */
async function ready(total: number, quietMs = 1500, timeoutMs = 600_000): Promise<void> {
  const frames: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => frames.push(...list.getEntries()));
  observer.observe({ type: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask' });
  const deadline = performance.now() + timeoutMs;
  let completeAt: number | undefined;
  try {
    for (;;) {
      const now = await nextFrame();
      if (now > deadline) throw new Error(`side panel not ready: ${document.querySelector('p.showing')?.textContent}`);
      const status = document.querySelector<HTMLElement>('p.showing');
      const busy = status?.dataset.busy !== undefined;
      if (status?.dataset.total !== String(total) || busy) {
        completeAt = undefined;
        continue;
      }
      completeAt ??= now;
      const lastFrameEnd = Math.max(0, ...frames.map((f) => f.startTime + f.duration));
      if (now - Math.max(completeAt, lastFrameEnd) > quietMs) return;
    }
  } finally {
    observer.disconnect();
  }
}

/** The panel kit's entry points. */
export const panelKit = { arm, settle, ready, firstRowId, ...changeKit };
(globalThis as unknown as { __benchPanel: typeof panelKit }).__benchPanel = panelKit;
