/**
 * The side panel's part of the "one lead changes while the panel shows its members"
 * measurement (issue 10 item 3), bundled into the panel kit (panel-kit.ts): the panel page itself
 * sends the changed lead to the background (`ingestLeads`, as a sync does), then waits until the
 * panel shows the change, and reports the longest animation frame from the send on.
 */
import { sendMessage } from './send-message';

/** What the panel shows once a change is in: the lead's row holding `text` (or gone), and `total` members. */
export interface ChangeExpected {
  leadId: string;
  /** Text the lead's row shows after the change (an edit, a join); undefined: the row is gone (a leave). */
  text?: string;
  total: number;
}

/** What one change cost the panel. */
export interface ChangeMeasured {
  /** ms from sending the lead to the first frame showing the change (Infinity: never within the time-out). */
  shownMs: number;
  /** ms the background took to answer the `ingestLeads` message. */
  ingestMs: number;
  longestFrameMs: number;
  longFrames: number;
  /** The longest frame's scripts, for stderr. */
  longest: string;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const longFrameType = () => (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask');

function rowOf(leadId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.member-row[data-lead-id="${CSS.escape(leadId)}"]`);
}

function isShown(expected: ChangeExpected): boolean {
  if (document.querySelector<HTMLElement>('p.showing')?.dataset.total !== String(expected.total)) return false;
  const row = rowOf(expected.leadId);
  return expected.text === undefined ? row === null : (row?.textContent ?? '').includes(expected.text);
}

/**
 * Scrolls the member table so row `index` is at the top (the place a live change must keep),
 * and returns the lead id of a row fully on screen a few rows below it.
 */
async function scrollToRow(index: number): Promise<string> {
  const scroller = document.querySelector<HTMLElement>('.table-scroll');
  const anyRow = document.querySelector<HTMLElement>('.member-row');
  if (!scroller || !anyRow) throw new Error('no member table on screen');
  scroller.scrollTop = index * anyRow.offsetHeight;
  await nextFrame();
  await nextFrame();
  const top = scroller.getBoundingClientRect().top + 3 * anyRow.offsetHeight;
  const below = [...document.querySelectorAll<HTMLElement>('.member-row[data-lead-id]')]
    .filter((row) => row.getBoundingClientRect().top >= top)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  const id = below[0]?.dataset.leadId;
  if (!id) throw new Error(`no member row below row ${index}`);
  return id;
}

/** Sends `lead` (a changed version of a stored lead) and waits until `expected` shows, then `quietMs` without a long frame. */
async function changeLead(lead: unknown, expected: ChangeExpected, quietMs = 800, timeoutMs = 60_000): Promise<ChangeMeasured> {
  const frames: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => frames.push(...list.getEntries()));
  observer.observe({ type: longFrameType() });
  const sentAt = performance.now();
  let ingestMs = NaN;
  const answered = sendMessage('ingestLeads', { leads: [lead] }).then(() => (ingestMs = performance.now() - sentAt));
  let shownAt: number | undefined;
  for (const deadline = sentAt + timeoutMs; ; ) {
    const now = await nextFrame();
    if (shownAt === undefined && isShown(expected)) shownAt = now;
    const lastFrameEnd = Math.max(0, ...frames.map((f) => f.startTime + f.duration));
    if (shownAt !== undefined && now - Math.max(shownAt, lastFrameEnd) > quietMs) break;
    if (now > deadline) break;
  }
  await answered;
  frames.push(...observer.takeRecords());
  observer.disconnect();
  const after = frames.filter((f) => f.startTime + f.duration >= sentAt);
  const longest = after.reduce<PerformanceEntry | undefined>((a, f) => (!a || f.duration > a.duration ? f : a), undefined);
  return {
    shownMs: shownAt === undefined ? Infinity : shownAt - sentAt,
    ingestMs,
    longestFrameMs: longest?.duration ?? 0,
    longFrames: after.length,
    longest: describe(longest, sentAt),
  };
}

function describe(frame: PerformanceEntry | undefined, from: number): string {
  if (!frame) return 'none';
  const f = frame as PerformanceEntry & { scripts?: Array<{ duration: number; invoker: string; sourceFunctionName: string }> };
  const scripts = (f.scripts ?? []).map((s) => `${s.invoker} ${s.sourceFunctionName} ${s.duration.toFixed(0)} ms`).join('; ');
  return `${f.duration.toFixed(0)} ms at +${(f.startTime - from).toFixed(0)} ms: ${scripts}`;
}

/** The change kit's entry points (merged into the panel kit). */
export const changeKit = { scrollToRow, changeLead };
