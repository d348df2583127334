// Over 250 lines on purpose: the row and its actions (activate, refresh, duplicate, members,
// campaign guards) share one pending state and one message line, so they stay together.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Campaign, RefreshJob, Segment } from '../../../lib/schema';
import { safeColor } from '../../../lib/format/color';
import { useBackground } from '../../../components/background-context';
import { MenuButton, type MenuItem } from '../../../components/menu-button';
import { Switch } from '../../../components/switch';
import { downloadSegmentFile } from '../../../components/segment-file-actions';
import { currentWindowId } from './current-window';
import { useCampaignGuards } from './campaign-guards';
import { formatCount } from '../../../lib/format/number';
import { PROVISIONAL_TITLE, isProvisional, rowCountText, rowStateText } from './row-text';

/** Props of {@link SegmentRow}. */
export interface SegmentRowProps {
  segment: Segment;
  /** The rules in plain words (describeRuleSet). */
  summary: string;
  /** The segment's running full refresh, if any (progress: processed/total). */
  job?: RefreshJob;
  now: number;
  onEdit: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
  /** Draw attention to this row (just saved): scrolled into view and highlighted. */
  highlighted?: boolean;
  /**
   * Another owner's segment (docs/semantics.md §7): shows "by {owner}", offers only members, export and
   * duplicate-to-mine; no Edit, Delete, Activate/Deactivate or Refresh.
   */
  readOnly?: boolean;
  /** Active campaigns that target the segment: deactivating names them in a confirmation first. */
  activeCampaigns?: readonly Campaign[];
  /** "Use in campaign" (issue 8); inactive segments get "Activate the segment first" instead. */
  onUseInCampaign?: (segment: Segment) => void;
}

type RowMessage = { tone: 'info' | 'error'; text: string };

/**
 * One segment in the list (issue 4 §2–3, §5): a `listitem` named "{name} N members", with its
 * colour, one-line description (full text on hover), rules summary, live member count, time since
 * the last refresh (or "Activate to resume updates" when inactive), its error, an "Active" switch
 * and an "Actions for {name}" menu. Every change is a background message; answers show on the row.
 */
export function SegmentRow({
  segment,
  summary,
  job,
  now,
  onEdit,
  onDelete,
  highlighted,
  readOnly = false,
  activeCampaigns = [],
  onUseInCampaign,
}: SegmentRowProps) {
  const send = useBackground();
  const nameId = useId();
  const countId = useId();
  const stateId = useId();
  const row = useRef<HTMLLIElement>(null);
  const [pending, setPending] = useState<null | 'status' | 'refresh' | 'duplicate' | 'members'>(null);
  const [optimisticActive, setOptimisticActive] = useState<boolean | null>(null);
  const [message, setMessage] = useState<RowMessage | null>(null);
  const active = optimisticActive ?? segment.status === 'active';

  useEffect(() => {
    if (pending === null && optimisticActive !== null && optimisticActive === (segment.status === 'active')) setOptimisticActive(null);
  }, [segment.status, optimisticActive, pending]);

  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlighted]);

  useEffect(() => {
    if (message?.tone !== 'info') return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  const campaignGuards = useCampaignGuards({
    segment,
    active,
    activeCampaigns,
    onUseInCampaign,
    onRefused: (text) => setMessage({ tone: 'error', text }),
    deactivate: () => void setActive(false, true),
  });

  const setActive = async (next: boolean, confirmed = false) => {
    if (!next && !confirmed && campaignGuards.deactivationNeedsConfirmation()) return;
    setPending('status');
    setOptimisticActive(next);
    setMessage(null);
    const answer = await send(next ? 'activateSegment' : 'deactivateSegment', { id: segment.id });
    setPending(null);
    // Keep showing the answer's state until the live query catches up (no flicker back).
    setOptimisticActive(answer.ok ? answer.data.status === 'active' : null);
    if (!answer.ok) setMessage({ tone: 'error', text: `Could not ${next ? 'activate' : 'deactivate'}: ${answer.error}` });
    else if (next) setMessage({ tone: 'info', text: 'Active again: its members are being brought up to date.' });
    else
      setMessage({
        tone: 'info',
        text: `Deactivated. Its ${formatCount(answer.data.memberCount, 'member stays', 'members stay')} frozen until you activate it again.`,
      });
  };

  const refresh = async () => {
    setPending('refresh');
    setMessage(null);
    const answer = await send('refreshSegment', { id: segment.id });
    setPending(null);
    if (!answer.ok) setMessage({ tone: 'error', text: `Could not refresh: ${answer.error}` });
  };

  const duplicate = async () => {
    setPending('duplicate');
    setMessage(null);
    const answer = await send('duplicateSegment', { id: segment.id });
    setPending(null);
    setMessage(
      answer.ok
        ? { tone: 'info', text: `Duplicated as “${answer.data.name}”.` }
        : { tone: 'error', text: `Could not duplicate: ${answer.error}` },
    );
  };

  const showMembers = async (view?: 'analysis') => {
    setPending('members');
    setMessage(null);
    const windowId = currentWindowId();
    const answer = await send('openSidePanel', { segmentId: segment.id, ...(view ? { view } : {}), ...(windowId !== undefined ? { windowId } : {}) });
    setPending(null);
    if (!answer.ok) setMessage({ tone: 'error', text: `Could not open the ${view ? 'analysis' : 'members'} panel: ${answer.error}` });
  };
  const analysisItem: MenuItem = { id: 'analysis', label: 'Analysis', hint: 'Growth and conversion in the side panel', onSelect: () => void showMembers('analysis') };

  const items: MenuItem[] = readOnly
    ? [
        { id: 'members', label: 'Show members', hint: 'Opens the side panel', onSelect: () => void showMembers() },
        analysisItem,
        {
          id: 'export',
          label: 'Export definition',
          hint: 'Saves its rules as a file to share',
          onSelect: () => setMessage({ tone: 'info', text: `Exported to ${downloadSegmentFile([segment])}` }),
        },
        { id: 'duplicate', label: 'Duplicate to my segments', hint: 'A copy you can edit', onSelect: () => void duplicate() },
      ]
    : [
        { id: 'edit', label: 'Edit', onSelect: () => onEdit(segment) },
        ...(active ? [{ id: 'refresh', label: 'Refresh', hint: 'Re-check every lead now', onSelect: () => void refresh() }] : []),
        { id: 'members', label: 'Show members', hint: 'Opens the side panel', onSelect: () => void showMembers() },
        analysisItem,
        { id: 'duplicate', label: 'Duplicate', onSelect: () => void duplicate() },
        ...campaignGuards.menuItems,
        active
          ? { id: 'deactivate', label: 'Deactivate', hint: 'Stops updates; members stay frozen', onSelect: () => void setActive(false) }
          : { id: 'activate', label: 'Activate', hint: 'Resumes updates and refreshes', onSelect: () => void setActive(true) },
        { id: 'delete', label: 'Delete', tone: 'danger', onSelect: () => onDelete(segment) },
      ];

  const refreshing = Boolean(job) || pending === 'refresh';
  // While a refresh runs the member count is provisional (issue 10 item 6): it keeps the old
  // members of the leads not checked yet, so it says "(provisional)" as the side panel does.
  const rowState = { segment, active, refreshing, job, readOnly, now };
  const provisional = isProvisional(rowState);

  return (
    <li
      ref={row}
      class={`segment-row${active ? '' : ' is-inactive'}${highlighted ? ' is-highlighted' : ''}`}
      aria-labelledby={`${nameId} ${countId}`}
      aria-busy={pending !== null || refreshing || undefined}
    >
      <span class="segment-color" style={{ backgroundColor: safeColor(segment.color) }} aria-hidden="true" />
      <div class="segment-main">
        <div class="segment-title">
          <button
            type="button"
            id={nameId}
            class="segment-name"
            title={readOnly ? `Show the members of ${segment.name}` : `Edit ${segment.name}`}
            onClick={() => (readOnly ? void showMembers() : onEdit(segment))}
          >
            {segment.name}
          </button>
          {readOnly && <span class="segment-owner">by {segment.ownerName || 'another user'}</span>}
        </div>
        {segment.description && (
          <p class="segment-description" title={segment.description}>
            {segment.description}
          </p>
        )}
        {summary && (
          <p class="segment-rules" title={summary}>
            {summary}
          </p>
        )}
        <p class="segment-meta">
          <span
            id={countId}
            class={`segment-count${provisional ? ' is-provisional' : ''}`}
            title={provisional ? PROVISIONAL_TITLE : undefined}
          >
            {rowCountText(rowState)}
          </span>
          <span aria-hidden="true"> · </span>
          <span id={stateId}>{rowStateText(rowState)}</span>
        </p>
        {refreshing && active && (
          <progress
            class="progress"
            aria-label={`Refreshing ${segment.name}`}
            max={job?.total || undefined}
            value={job && job.total > 0 ? job.processed : undefined}
          />
        )}
        {segment.error && (
          <p class="segment-error">
            <span aria-hidden="true">⚠ </span>
            {segment.error}
          </p>
        )}
        {message && (
          <p class={message.tone === 'error' ? 'row-message is-error' : 'row-message'} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
      <div class="segment-controls">
        {readOnly ? (
          <span class="read-only-pill" title="Only its owner can change this segment">
            Read-only
          </span>
        ) : (
          <Switch
            label="Active"
            checked={active}
            busy={pending === 'status'}
            describedBy={`${nameId} ${stateId}`}
            onChange={(next) => void setActive(next)}
          />
        )}
        <MenuButton label={`Actions for ${segment.name}`} items={items} />
      </div>
      {campaignGuards.dialog}
    </li>
  );
}
