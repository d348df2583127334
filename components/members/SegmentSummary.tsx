import { useState } from 'preact/hooks';
import { useBackground } from '../background-context';
import { timeAgo } from '../time-ago';
import { useNow } from '../use-now';
import { describeRuleSet } from '../../lib/engine/describe';
import { safeColor } from '../../lib/format/color';
import { refreshProgressText } from '../../lib/format/refresh-progress';
import type { Campaign, CustomFieldDef, RefreshJob, Segment } from '../../lib/schema';
import { useFormatter } from './formatter-context';

/** Props of {@link SegmentSummary}. */
export interface SegmentSummaryProps {
  segment: Segment;
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Every segment, so a rule on another segment's membership names it. */
  segments?: ReadonlyArray<{ id: string; name: string }>;
  /** The segment's running refresh job: the count is then provisional and the progress shown. */
  job?: RefreshJob;
}

/**
 * The chosen segment at a glance (issue 5 §1): colour, name, status, member count, description,
 * rules in words, when it was last refreshed and its evaluation error if any. An active segment
 * can be refreshed from here; an inactive one says its members are frozen (docs/semantics.md §5).
 * While a refresh runs, the count is marked provisional and "Refreshing… N of M leads checked" shown.
 */
export function SegmentSummary({ segment, customFields, campaigns, segments, job }: SegmentSummaryProps) {
  const formatter = useFormatter();
  const send = useBackground();
  const now = useNow(30_000);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | undefined>();
  const color = safeColor(segment.color);
  const rulesText = describeRuleSet(segment.rules, { customFields, campaigns, ...(segments ? { segments } : {}) });
  const active = segment.status === 'active';

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    const answer = await send('refreshSegment', { id: segment.id });
    setRefreshing(false);
    if (!answer.ok) setRefreshError(answer.error);
  };

  return (
    <section class="summary" aria-label="Segment summary" style={{ borderLeftColor: color }}>
      <div class="summary-top">
        <span class={`pill ${active ? 'pill-active' : 'pill-inactive'}`}>{active ? 'Active' : 'Inactive'}</span>
        <span class="summary-count" data-provisional={job ? 'true' : undefined}>
          <strong>{formatter.number(segment.memberCount)}</strong> {segment.memberCount === 1 ? 'member' : 'members'}
          {job && <span class="provisional"> (provisional)</span>}
        </span>
        {active && (
          <button
            type="button"
            class="button button-ghost button-small summary-refresh"
            onClick={refresh}
            disabled={refreshing || job !== undefined}
            title="Re-evaluate every lead against the rules now"
          >
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" class={refreshing || job ? 'spin' : undefined}>
              <path
                d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3"
                fill="none"
                stroke="currentColor"
                stroke-width="1.6"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            {refreshing || job ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
      </div>
      {job && (
        <p class="summary-progress" role="status" aria-label={`Refreshing ${segment.name}`}>
          {refreshProgressText(job, formatter.context.locale)}
          <progress class="progress" max={job.total || undefined} value={job.total > 0 ? job.processed : undefined} />
        </p>
      )}
      {segment.description && <p class="summary-description">{segment.description}</p>}
      <p class="summary-rules">
        <span class="summary-rules-label">Rules</span> <span class="summary-rules-text">{rulesText}</span>
      </p>
      <p class="summary-meta">
        {segment.lastRefreshedAt !== undefined && <span>Updated {timeAgo(segment.lastRefreshedAt, now)}</span>}
        {segment.ownerName && <span>Created by {segment.ownerName}</span>}
      </p>
      {!active && (
        <p class="notice notice-info">Inactive: members are frozen. Activate it from the popup to resume updates.</p>
      )}
      {segment.error && (
        <p class="notice notice-error" role="alert">
          These rules can't be evaluated: {segment.error}. Members are kept as they were.
        </p>
      )}
      {refreshError && (
        <p class="notice notice-error" role="alert">
          {refreshError}
        </p>
      )}
    </section>
  );
}
