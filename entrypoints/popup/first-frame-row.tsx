import type { RefreshJob, Segment } from '../../lib/schema';
import { safeColor } from '../../lib/format/color';
import { PROVISIONAL_TITLE, isProvisional, rowCountText, rowStateText } from './list/row-text';

/** Props of {@link FirstFrameRow}. */
export interface FirstFrameRowProps {
  segment: Segment;
  /** The rules in plain words (describeRuleSet), as the list shows them. */
  summary: string;
  job?: RefreshJob;
  now: number;
}

/**
 * One segment row of the popup's first frame: the markup, classes and texts of the list's
 * `SegmentRow` (list/segment-row.tsx) for one of the user's own segments, with inert look-alikes of
 * its controls. Nothing here reacts: the full popup renders over it a moment later.
 */
export function FirstFrameRow({ segment, summary, job, now }: FirstFrameRowProps) {
  const active = segment.status === 'active';
  const state = { segment, active, refreshing: Boolean(job), job, now };
  const provisional = isProvisional(state);
  return (
    <li class={`segment-row${active ? '' : ' is-inactive'}`}>
      <span class="segment-color" style={{ backgroundColor: safeColor(segment.color) }} />
      <div class="segment-main">
        <div class="segment-title">
          <button type="button" class="segment-name" tabIndex={-1}>
            {segment.name}
          </button>
        </div>
        {segment.description && <p class="segment-description">{segment.description}</p>}
        {summary && <p class="segment-rules">{summary}</p>}
        <p class="segment-meta">
          <span class={`segment-count${provisional ? ' is-provisional' : ''}`} title={provisional ? PROVISIONAL_TITLE : undefined}>
            {rowCountText(state)}
          </span>
          <span> · </span>
          <span>{rowStateText(state)}</span>
        </p>
        {provisional && <progress class="progress" max={job?.total || undefined} value={job && job.total > 0 ? job.processed : undefined} />}
        {segment.error && (
          <p class="segment-error">
            <span>⚠ </span>
            {segment.error}
          </p>
        )}
      </div>
      <div class="segment-controls">
        <button type="button" role="switch" class="switch" aria-checked={active} tabIndex={-1}>
          <span class="switch-thumb" />
        </button>
        <div class="menu-root">
          <button type="button" class="icon-button" tabIndex={-1}>
            <span>⋯</span>
          </button>
        </div>
      </div>
    </li>
  );
}
