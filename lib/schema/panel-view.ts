import { z, lazySchema } from './zod';

/** The side panel's views of a segment (its tabs): members (default), analysis, compare (issue 8 §5). */
export const PANEL_VIEWS = ['members', 'analysis', 'compare'] as const;
export const PanelViewSchema = lazySchema(() => z.enum(PANEL_VIEWS));
export type PanelView = z.infer<typeof PanelViewSchema>;

/**
 * `value` as a panel view, or undefined when it is not one (e.g. a hand-edited URL). Checked
 * against the list rather than through `PanelViewSchema`: the side panel reads its URL before its
 * first render, which then builds no Zod schema (issue 10: side panel first rows).
 */
export function parsePanelView(value: unknown): PanelView | undefined {
  return (PANEL_VIEWS as readonly unknown[]).includes(value) ? (value as PanelView) : undefined;
}

/** What the side panel shows: a segment's members, a lead's details, or both (issue 5). */
export interface PanelTarget {
  segmentId?: string;
  leadId?: string;
  /** A tab to switch to (`?view=analysis`); absent = keep the current one (members at start). */
  view?: PanelView;
}

/**
 * The `browser.storage.session` key through which the background tells an open side panel where
 * to go (`{ segmentId?, leadId?, view?, at }`).
 */
export const SIDE_PANEL_TARGET_KEY = 'sidepanelTarget';

/** The side panel page's query string for a target, e.g. "?segment=abc&lead=demo%40host%2F12" ("" for none). */
export function searchForTarget(target: PanelTarget): string {
  const params = new URLSearchParams();
  if (target.segmentId) params.set('segment', target.segmentId);
  if (target.leadId) params.set('lead', target.leadId);
  if (target.view && target.view !== 'members') params.set('view', target.view);
  const text = params.toString();
  return text ? `?${text}` : '';
}
