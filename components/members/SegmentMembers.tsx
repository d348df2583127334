import type { Rect } from '@tanstack/virtual-core';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Campaign, CustomFieldDef, RefreshJob, Segment } from '../../lib/schema';
import { useFormatter } from './formatter-context';
import { MemberDetails } from './MemberDetails';
import { MembersStatus } from './MembersStatus';
import { MembersToolbar } from './MembersToolbar';
import { MemberTable } from './MemberTable';
import { EmptyState, ErrorState, LoadingState } from './states';
import { useMediaQuery } from './use-media-query';
import { useMemberList, type FirstMemberPage } from './use-member-list';
import { useMemberView } from './use-member-view';
import { useRefreshOnShow } from './use-refresh-on-show';

/** Props of {@link SegmentMembers}. */
export interface SegmentMembersProps {
  segment: Segment;
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** The member whose details are open. */
  leadId?: string;
  onOpenLead: (leadId: string) => void;
  onCloseLead: () => void;
  /** Shows another segment, keeping the open lead. */
  onOpenSegment: (segmentId: string, leadId?: string) => void;
  /** Table viewport size while there is no layout (tests). */
  initialRect?: Rect;
  /** The segment's running refresh job (progress and "provisional" counts), if any. */
  job?: RefreshJob;
  /** The first page of members read before the first render (used when it is this segment's). */
  firstPage?: FirstMemberPage;
  /** Export hooks (tests); default to a real download and the clipboard. */
  download?: (fileName: string, text: string) => void;
  copy?: (text: string) => Promise<void>;
}

/** When the details sit beside the table instead of over it (keep in sync with style.css). */
export const WIDE_LAYOUT_QUERY = '(min-width: 760px)';

/**
 * One segment's members (issue 5 §2–4): "Search members", per-column filters, the column
 * chooser, "Showing X of Y members", the export toolbar, the virtualized table, and the
 * "Member details" region beside it (wide panel) or over it (narrow panel). The first page of
 * members paints first and the rest streams in (`use-member-list.ts`); joins and leaves appear
 * while it is open, and during a refresh the list says how far it got instead of re-reading.
 */
export function SegmentMembers(props: SegmentMembersProps) {
  const { segment, customFields, campaigns, leadId, job, onCloseLead } = props;
  const formatter = useFormatter();
  const root = useRef<HTMLDivElement>(null);
  /** Wide panel: details beside the table (keep focus in the table); narrow: details over it. */
  const wide = useMediaQuery(WIDE_LAYOUT_QUERY);
  const [renderedIds, setRenderedIds] = useState<string[]>([]);
  const list = useMemberList(segment.id, job !== undefined, renderedIds, props.firstPage);
  const view = useMemberView(list.rows, customFields, campaigns);
  const { rows } = list;
  useRefreshOnShow(segment, customFields, formatter.context.timeZone);

  // Marks the first rows on screen (benchmarks read "sidepanel:first-rows" from the performance timeline).
  const markedFirstRows = useRef(false);
  useEffect(() => {
    if (markedFirstRows.current || !rows || rows.length === 0) return;
    markedFirstRows.current = true;
    globalThis.performance?.mark?.('sidepanel:first-rows', { detail: { segmentId: segment.id, members: rows.length } });
  }, [rows, segment.id]);

  // Closing the details returns focus to the table once it is interactive again (not inert).
  const focusGridOnClose = useRef(false);
  const closeLead = useCallback(() => {
    focusGridOnClose.current = true;
    onCloseLead();
  }, [onCloseLead]);
  useEffect(() => {
    if (leadId || !focusGridOnClose.current) return;
    focusGridOnClose.current = false;
    root.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [leadId]);

  // Escape closes the details and returns to the table.
  useEffect(() => {
    if (!leadId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      closeLead();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [leadId, closeLead]);

  const total = list.total ?? rows?.length ?? 0;
  let tableArea;
  if (list.error && !rows) {
    tableArea = <ErrorState title="Could not load the members" message={list.error.message} />;
  } else if (!rows || (rows.length === 0 && !list.complete)) {
    tableArea = <LoadingState label="Loading members…" />;
  } else if (total === 0) {
    tableArea = (
      <EmptyState title="No members yet">
        {segment.status === 'active'
          ? 'Leads that match the rules join automatically as they sync from the CRM.'
          : 'This segment is inactive, so its member list is frozen.'}
      </EmptyState>
    );
  }
  const noMatch =
    rows && rows.length > 0 && view.shown.length === 0 ? (
      <EmptyState
        title="No members match"
        action={
          <button type="button" class="button" onClick={view.clearNarrowing}>
            Clear search and filters
          </button>
        }
      >
        Nothing matches the search and filters.
      </EmptyState>
    ) : undefined;

  return (
    <div class={`segment-view${leadId ? ' has-details' : ''}`} ref={root}>
      <div class="segment-main" inert={Boolean(leadId) && !wide}>
        <MembersToolbar view={view} />
        <MembersStatus segmentName={segment.name} list={list} view={view} job={job} download={props.download} copy={props.copy} />
        <div class="table-area">
          {tableArea ?? (
            <MemberTable
              rows={view.shown}
              columns={view.columns}
              sort={view.sort}
              onSort={view.changeSort}
              filtersOpen={view.filtersOpen}
              filters={view.filters}
              onFilterChange={view.setFilter}
              selectedLeadId={leadId}
              onOpen={props.onOpenLead}
              label={`Members of ${segment.name}`}
              queryKey={view.queryKey}
              initialRect={props.initialRect}
              empty={noMatch}
              onRenderedIds={setRenderedIds}
            />
          )}
        </div>
      </div>

      {leadId && (
        <div class="segment-details">
          <MemberDetails
            leadId={leadId}
            segment={segment}
            segments={props.segments}
            customFields={customFields}
            campaigns={campaigns}
            onClose={closeLead}
            onOpenSegment={(id) => props.onOpenSegment(id, leadId)}
            autoFocus={!wide}
          />
        </div>
      )}
    </div>
  );
}
