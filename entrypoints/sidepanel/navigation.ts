import { parsePanelView, PanelViewSchema, type PanelView } from '../../lib/schema/panel-view';
import { z } from '../../lib/schema/zod';

/** What the side panel shows: a segment's members, a lead's details, or both (issue 5). */
export interface PanelTarget {
  segmentId?: string;
  leadId?: string;
  /** A tab to switch to (`?view=analysis`); absent = keep the current one (members at start). */
  view?: PanelView;
}

/** The `browser.storage.session` key the background writes a wanted view to. */
export const SIDEPANEL_TARGET_KEY = 'sidepanelTarget';

/** How old (ms) a stored target may be and still be honoured when the panel opens. */
export const STORED_TARGET_MAX_AGE_MS = 60_000;

const Id = z.string().trim().min(1).max(2000);

/**
 * A navigation request from the background (`browser.storage.session` key `sidepanelTarget`):
 * `{ segmentId?, leadId?, at }`, `at` in epoch ms; at least one id.
 */
export const StoredTargetSchema = z
  .object({ segmentId: Id.optional(), leadId: Id.optional(), view: PanelViewSchema.optional(), at: z.number().finite() })
  .refine((t) => t.segmentId !== undefined || t.leadId !== undefined, 'a segment or lead id is required');
export type StoredTarget = z.infer<typeof StoredTargetSchema>;

/** Reads `?segment={id}&lead={lead id}&view={view}` (any may be missing; blank or unknown values are ignored). */
export function targetFromSearch(search: string): PanelTarget {
  const params = new URLSearchParams(search);
  const segmentId = params.get('segment')?.trim();
  const leadId = params.get('lead')?.trim();
  const view = parsePanelView(params.get('view'));
  return { ...(segmentId ? { segmentId } : {}), ...(leadId ? { leadId } : {}), ...(view ? { view } : {}) };
}

/** The query string for a target, e.g. "?segment=abc&lead=demo%40host%2F12" ("" for none). */
export function searchForTarget(target: PanelTarget): string {
  const params = new URLSearchParams();
  if (target.segmentId) params.set('segment', target.segmentId);
  if (target.leadId) params.set('lead', target.leadId);
  if (target.view && target.view !== 'members') params.set('view', target.view);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A stored navigation request as a target, or null when it is not a valid one (validated with Zod). */
export function parseStoredTarget(value: unknown): StoredTarget | null {
  const parsed = StoredTargetSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** True when both targets show the same thing. */
export function sameTarget(a: PanelTarget, b: PanelTarget): boolean {
  return (a.segmentId ?? '') === (b.segmentId ?? '') && (a.leadId ?? '') === (b.leadId ?? '');
}
