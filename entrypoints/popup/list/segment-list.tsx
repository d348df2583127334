import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Campaign, CustomFieldDef, RefreshJob, Segment } from '../../../lib/schema';
import { describeRuleSet } from '../../../lib/engine';
import { useNow } from '../../../components/use-now';
import { useStoredState } from '../../../components/use-stored-state';
import { UseInCampaignDialog } from '../campaigns/use-in-campaign-dialog';
import { DeleteDialog } from './delete-dialog';
import { SegmentRow } from './segment-row';
import { SortOptions } from './sort-options';
import {
  FILTER_THRESHOLD,
  FIRST_ROWS,
  SORT_KEY,
  activeCampaignsUsing,
  filterSegments,
  isSegmentSort,
  sortSegments,
} from './sort-segments';

export { FIRST_ROWS, SORT_KEY } from './sort-segments';

/** Props of {@link SegmentList}. */
export interface SegmentListProps {
  segments: readonly Segment[];
  campaigns: readonly Campaign[];
  customFields: readonly CustomFieldDef[];
  /** Running refresh jobs (progress per segment). */
  jobs: readonly RefreshJob[];
  onCreate: () => void;
  onEdit: (segment: Segment) => void;
  /** The segment to highlight (just saved). */
  highlightId?: string;
  /** The current user: rows of other owners' segments are read-only (docs/semantics.md §7). Absent: all editable. */
  currentUserId?: string;
}

/**
 * The segment list (issue 4 §2): a toolbar with the count, sort order and "Create segment"; a
 * filter box once there are more than 5 segments; one row per segment; an empty state that
 * explains segments in one sentence; and the delete confirmation (docs/semantics.md §5).
 */
export function SegmentList({ segments, campaigns, customFields, jobs, onCreate, onEdit, highlightId, currentUserId }: SegmentListProps) {
  const now = useNow();
  const titleId = useId();
  const [sort, setSort] = useStoredState(SORT_KEY, 'name', isSegmentSort);
  const [query, setQuery] = useState('');
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const [using, setUsing] = useState<Segment | null>(null);
  const [attached, setAttached] = useState<string | null>(null);

  const showFilter = segments.length > FILTER_THRESHOLD;
  const visible = useMemo(
    () => sortSegments(showFilter ? filterSegments(segments, query) : segments, sort),
    [segments, query, sort, showFilter],
  );
  const [allRows, setAllRows] = useState(false);
  useEffect(() => {
    if (allRows || visible.length <= FIRST_ROWS) return;
    const timer = setTimeout(() => setAllRows(true), 0);
    return () => clearTimeout(timer);
  }, [allRows, visible.length]);
  const rows = allRows ? visible : visible.slice(0, FIRST_ROWS);
  const jobBySegment = useMemo(() => new Map(jobs.map((j) => [j.segmentId, j])), [jobs]);
  const describeOptions = useMemo(() => ({ customFields, campaigns, segments }), [customFields, campaigns, segments]);
  const deletingStored = deleting ? segments.find((s) => s.id === deleting.id) ?? deleting : null;
  const createButton = useRef<HTMLButtonElement>(null);

  const deleteDialog = deletingStored && (
    <DeleteDialog
      segment={deletingStored}
      activeCampaigns={activeCampaignsUsing(deletingStored.id, campaigns)}
      onClose={(deleted) => {
        setDeleting(null);
        // The row (and its menu button) is gone: put focus somewhere useful.
        if (deleted) setTimeout(() => createButton.current?.focus(), 0);
      }}
    />
  );

  if (segments.length === 0) {
    return (
      <section class="empty-state" aria-labelledby={titleId}>
        <div class="empty-art" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <h2 id={titleId} class="empty-title">
          No segments yet
        </h2>
        <p class="empty-text">
          A segment is a named list of leads that follows your rules — leads join and leave it by themselves as their data
          changes.
        </p>
        <button ref={createButton} type="button" class="button button-primary" onClick={onCreate}>
          Create segment
        </button>
        {deleteDialog}
      </section>
    );
  }

  return (
    <section class="segments" aria-labelledby={titleId}>
      <div class="toolbar">
        <h2 id={titleId} class="toolbar-title">
          Segments <span class="count-pill">{segments.length}</span>
        </h2>
        <button ref={createButton} type="button" class="button button-primary button-small" onClick={onCreate}>
          Create segment
        </button>
      </div>
      <div class="list-controls">
        {showFilter && (
          <input
            type="search"
            class="input input-search"
            aria-label="Filter segments"
            placeholder="Filter segments"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
        )}
        <label class="sort">
          <span class="sort-label">Sort</span>
          <span class="sr-only"> by</span>
          <select
            class="select select-compact"
            value={sort}
            onChange={(e) => isSegmentSort(e.currentTarget.value) && setSort(e.currentTarget.value)}
          >
            <SortOptions />
          </select>
        </label>
      </div>
      {visible.length === 0 ? (
        <div class="no-results">
          <p>No segments match “{query.trim()}”.</p>
          <button type="button" class="text-button" onClick={() => setQuery('')}>
            Clear filter
          </button>
        </div>
      ) : (
        <ul class="segment-list" aria-labelledby={titleId}>
          {rows.map((segment) => (
            <SegmentRow
              key={segment.id}
              segment={segment}
              summary={describeRuleSet(segment.rules, describeOptions)}
              job={jobBySegment.get(segment.id)}
              now={now}
              onEdit={onEdit}
              onDelete={setDeleting}
              highlighted={segment.id === highlightId}
              readOnly={currentUserId !== undefined && segment.ownerId !== currentUserId}
              activeCampaigns={activeCampaignsUsing(segment.id, campaigns)}
              onUseInCampaign={(s) => {
                setAttached(null);
                setUsing(s);
              }}
            />
          ))}
        </ul>
      )}
      {deleteDialog}
      {using && (
        <UseInCampaignDialog
          segment={using}
          campaigns={campaigns}
          onClose={(campaign) => {
            if (campaign) setAttached(`“${using.name}” now targets “${campaign.name || campaign.id}”.`);
            setUsing(null);
          }}
        />
      )}
      <p class="list-status" role="status">
        {attached ?? ''}
      </p>
    </section>
  );
}
