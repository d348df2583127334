import type { EarlyRead } from '../../lib/db/early-read';
import type { CurrentUser } from '../../lib/messaging/protocol';
import type { Segment } from '../../lib/schema';
import { describeRuleSet } from '../../lib/engine/describe';
import { FILTER_THRESHOLD, FIRST_ROWS, SORT_KEY, isSegmentSort, sortSegments, type SegmentSort } from './list/sort-segments';
import { VIEW_LABELS, canSeeOrganization } from './org/view-switch';
import '../../components/ui.css';
import './popup.css';
import './campaigns/campaigns.css';
import { FirstFrameRow } from './first-frame-row';
import { SortOptions } from './list/sort-options';

/** What the first frame shows: the early read with who is signed in, the sort order and the time. */
export interface FirstFrameProps {
  overview: EarlyRead['overview'];
  user: CurrentUser;
  sort: SegmentSort;
  now: number;
}

/** The popup list's stored sort order (what `SegmentList` starts with), "name" when none or unreadable. */
export function storedSegmentSort(): SegmentSort {
  try {
    const stored = globalThis.localStorage?.getItem(SORT_KEY);
    return isSegmentSort(stored) ? stored : 'name';
  } catch {
    return 'name';
  }
}

/**
 * The popup's first frame (issue 10: popup counts visible): the header, the tabs and the list of
 * the user's own segments ("My segments", the popup's default view) with their counts, drawn with
 * the list's markup and texts from the early read, before the full app (Dexie, Zod, Temporal) has
 * loaded. It is `inert` and hidden from assistive technology: nothing in it reacts, and queries by
 * role find only the full app, which replaces it as soon as it renders.
 */
export function PopupFirstFrame({ overview, user, sort, now }: FirstFrameProps) {
  const segments: Segment[] = overview.segments.filter((s) => s.ownerId === user.userId);
  const jobs = new Map(overview.jobs.map((j) => [j.segmentId, j]));
  const options = { customFields: overview.customFields, campaigns: overview.campaigns, segments };
  const rows = sortSegments(segments, sort).slice(0, FIRST_ROWS);
  return (
    <div class="popup view-list" aria-hidden="true" inert>
      <header class="popup-header">
        <div class="header-row">
          <div class="brand">
            <span class="brand-mark" />
            <div>
              <h1 class="brand-name">CRM Segments</h1>
              <p class="header-meta">Counting leads…</p>
            </div>
          </div>
          <div class="view-switch">
            <div class="org-switch">
              <label class="org-field">
                <span class="org-label">View</span>
                <select class="select select-compact" tabIndex={-1}>
                  <option value="mine">{VIEW_LABELS.mine}</option>
                  {canSeeOrganization(user) && <option value="org">{VIEW_LABELS.org}</option>}
                </select>
              </label>
            </div>
            <div class="menu-root">
              <button type="button" class="icon-button" tabIndex={-1}>
                <span>⇅</span>
              </button>
            </div>
          </div>
          <button type="button" class="button button-secondary button-small" tabIndex={-1}>
            <span class="sync-icon">↻</span>
            Sync all
          </button>
        </div>
      </header>
      <div class="popup-tabs">
        <button type="button" class="popup-tab" aria-selected="true" tabIndex={-1}>
          Segments
        </button>
        <button type="button" class="popup-tab" aria-selected="false" tabIndex={-1}>
          Campaigns
        </button>
      </div>
      <main class="popup-main">
        <div class="popup-main">
          {segments.length === 0 ? (
            <FirstFrameEmpty />
          ) : (
            <section class="segments">
              <div class="toolbar">
                <h2 class="toolbar-title">
                  Segments <span class="count-pill">{segments.length}</span>
                </h2>
                <button type="button" class="button button-primary button-small" tabIndex={-1}>
                  Create segment
                </button>
              </div>
              <div class="list-controls">
                {segments.length > FILTER_THRESHOLD && <input type="search" class="input input-search" placeholder="Filter segments" tabIndex={-1} />}
                <label class="sort">
                  <span class="sort-label">Sort</span>
                  <span class="sr-only"> by</span>
                  <select class="select select-compact" value={sort} tabIndex={-1}>
                    <SortOptions />
                  </select>
                </label>
              </div>
              <ul class="segment-list">
                {rows.map((segment) => (
                  <FirstFrameRow key={segment.id} segment={segment} summary={describeRuleSet(segment.rules, options)} job={jobs.get(segment.id)} now={now} />
                ))}
              </ul>
            </section>
          )}
        </div>
      </main>
    </div>
  );
}

/** The list's empty state ("No segments yet"), as `SegmentList` draws it. */
function FirstFrameEmpty() {
  return (
    <section class="empty-state">
      <div class="empty-art">
        <span />
        <span />
        <span />
      </div>
      <h2 class="empty-title">No segments yet</h2>
      <p class="empty-text">
        A segment is a named list of leads that follows your rules — leads join and leave it by themselves as their data
        changes.
      </p>
      <button type="button" class="button button-primary" tabIndex={-1}>
        Create segment
      </button>
    </section>
  );
}
