import { parsePanelView, PanelViewSchema, type PanelTarget } from '../../lib/schema/panel-view';
import { z, lazySchema } from '../../lib/schema/zod';

export { SIDE_PANEL_TARGET_KEY, searchForTarget, type PanelTarget } from '../../lib/schema/panel-view';

/** How old (ms) a stored target may be and still be honoured when the panel opens. */
export const STORED_TARGET_MAX_AGE_MS = 60_000;

const Id = lazySchema(() => z.string().trim().min(1).max(2000));

/**
 * A navigation request from the background (`browser.storage.session` key `sidepanelTarget`):
 * `{ segmentId?, leadId?, at }`, `at` in epoch ms; at least one id.
 */
export const StoredTargetSchema = lazySchema(() => z
  .object({ segmentId: Id.optional(), leadId: Id.optional(), view: PanelViewSchema.optional(), at: z.number().finite() })
  .refine((t) => t.segmentId !== undefined || t.leadId !== undefined, 'a segment or lead id is required'));
export type StoredTarget = z.infer<typeof StoredTargetSchema>;

/** Reads `?segment={id}&lead={lead id}&view={view}` (any may be missing; blank or unknown values are ignored). */
export function targetFromSearch(search: string): PanelTarget {
  const params = new URLSearchParams(search);
  const segmentId = params.get('segment')?.trim();
  const leadId = params.get('lead')?.trim();
  const view = parsePanelView(params.get('view'));
  return { ...(segmentId ? { segmentId } : {}), ...(leadId ? { leadId } : {}), ...(view ? { view } : {}) };
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
