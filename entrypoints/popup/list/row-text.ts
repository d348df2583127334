import type { RefreshJob, Segment } from '../../../lib/schema';
import { timeAgo } from '../../../components/time-ago';
import { formatCount } from '../../../lib/format/number';
import { refreshProgressText } from '../../../lib/format/refresh-progress';

/**
 * The texts of a segment row's meta line, shared by the list's `SegmentRow` and the popup's first
 * frame (`first-frame-row.tsx`), so the two show the same words and the swap is invisible.
 * No library beyond date-fns: the first frame's chunk stays small (issue 10: popup counts visible).
 */

/** Where a row stands: its stored segment, its running refresh and whether the row is read-only. */
export interface RowState {
  segment: Segment;
  /** Shown as active (the stored status, or the answer of a change still being applied). */
  active: boolean;
  /** A refresh is running (its job exists) or was just asked for. */
  refreshing: boolean;
  job?: RefreshJob;
  readOnly?: boolean;
  now: number;
}

/** While a refresh runs the member count is provisional (issue 10 item 6), as in the side panel. */
export function isProvisional({ refreshing, active }: Pick<RowState, 'refreshing' | 'active'>): boolean {
  return refreshing && active;
}

/** "1,234 members", plus " (provisional)" while a refresh has not checked every lead yet. */
export function rowCountText(state: Pick<RowState, 'segment' | 'refreshing' | 'active'>): string {
  return `${formatCount(state.segment.memberCount, 'member', 'members')}${isProvisional(state) ? ' (provisional)' : ''}`;
}

/** Tooltip of a provisional count. */
export const PROVISIONAL_TITLE = 'Provisional: the refresh has not checked every lead yet';

/** The state beside the count: inactive, the refresh's progress, or the time since the last refresh. */
export function rowStateText({ segment, active, refreshing, job, readOnly = false, now }: RowState): string {
  if (!active) return readOnly ? 'Inactive — members frozen' : 'Inactive — Activate to resume updates';
  if (refreshing) return refreshProgressText(job);
  return segment.lastRefreshedAt ? `Refreshed ${timeAgo(segment.lastRefreshedAt, now)}` : 'Not refreshed yet';
}
