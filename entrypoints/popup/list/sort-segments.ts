import type { Campaign, Segment } from '../../../lib/schema';

/** How the segment list is ordered (issue 4 §2). */
export type SegmentSort = 'name' | 'members' | 'updated';

/** Labels of the sort options, in menu order. */
export const SEGMENT_SORTS: ReadonlyArray<{ id: SegmentSort; label: string }> = [
  { id: 'name', label: 'Name' },
  { id: 'members', label: 'Most members' },
  { id: 'updated', label: 'Last updated' },
];

const byName = (a: Segment, b: Segment) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });

/**
 * A sorted copy of `segments`: by name (A→Z, case-insensitive, "Segment 2" before "Segment 10"),
 * by member count (largest first) or by last update (`updatedAt`, newest first); ties by name.
 */
export function sortSegments(segments: readonly Segment[], sort: SegmentSort): Segment[] {
  const copy = [...segments];
  switch (sort) {
    case 'name':
      return copy.sort((a, b) => byName(a, b) || a.id.localeCompare(b.id));
    case 'members':
      return copy.sort((a, b) => b.memberCount - a.memberCount || byName(a, b));
    case 'updated':
      return copy.sort((a, b) => b.updatedAt - a.updatedAt || byName(a, b));
  }
}

/** Segments whose name or description contains `query` (case-insensitive); all for a blank query. */
export function filterSegments(segments: readonly Segment[], query: string): Segment[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...segments];
  return segments.filter((s) => s.name.toLowerCase().includes(needle) || s.description.toLowerCase().includes(needle));
}

/** The filter box appears when the list is longer than this (issue 4 §2: "more than a handful"). */
export const FILTER_THRESHOLD = 5;

/**
 * Rows rendered in the popup's first frame (more than fit on screen); a longer list gets the rest
 * right after that frame is painted, so 50 segments do not hold up the first counts.
 */
export const FIRST_ROWS = 12;

/** localStorage key of the chosen sort order. */
export const SORT_KEY = 'crm-segments.popup.sort';

/** Active campaigns that target `segmentId` (docs/semantics.md §5: named in the delete confirmation), by name. */
export function activeCampaignsUsing(segmentId: string, campaigns: readonly Campaign[]): Campaign[] {
  return campaigns
    .filter((c) => c.status === 'active' && c.segmentIds.includes(segmentId))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether `value` is a sort id (a stored preference may be stale). */
export function isSegmentSort(value: unknown): value is SegmentSort {
  return value === 'name' || value === 'members' || value === 'updated';
}
