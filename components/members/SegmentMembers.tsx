import type { Rect } from '@tanstack/virtual-core';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useBackground } from '../background-context';
import { useDb } from '../db-context';
import { useLiveQuery } from '../use-live-query';
import { compileRules } from '../../lib/engine';
import { loadSegmentMembers } from '../../lib/export/segment-members';
import { memberColumns, pickColumns, type MemberRow } from '../../lib/format/member-columns';
import { filterMembers, isNarrowed, MemberIndex, sortMembers, type MemberSort } from '../../lib/format/member-query';
import type { Campaign, CustomFieldDef, Segment } from '../../lib/schema';
import { ColumnChooser } from './ColumnChooser';
import { ExportBar } from './ExportBar';
import { useFormatter } from './formatter-context';
import { MemberDetails } from './MemberDetails';
import { MemberTable } from './MemberTable';
import { useMediaQuery } from './use-media-query';
import { loadColumnIds, loadSort, saveColumnIds, saveSort } from './preferences';
import { EmptyState, ErrorState, LoadingState } from './states';

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
  /** Export hooks (tests); default to a real download and the clipboard. */
  download?: (fileName: string, text: string) => void;
  copy?: (text: string) => Promise<void>;
}

/** When the details sit beside the table instead of over it (keep in sync with style.css). */
export const WIDE_LAYOUT_QUERY = '(min-width: 760px)';

/** Segments refreshed on show during this panel session (time-dependent ones, docs/semantics.md §3 rule 7). */
const refreshedOnShow = new Set<string>();

/**
 * One segment's members (issue 5 §2–4): "Search members", per-column filters, the column
 * chooser, "Showing X of Y members", the export toolbar, the virtualized table, and the
 * "Member details" region beside it (wide panel) or over it (narrow panel). Members are read
 * live from IndexedDB, so joins and leaves appear while it is open.
 */
export function SegmentMembers(props: SegmentMembersProps) {
  const { segment, customFields, campaigns, leadId } = props;
  const db = useDb();
  const send = useBackground();
  const formatter = useFormatter();
  const root = useRef<HTMLDivElement>(null);
  /** Wide panel: details beside the table (keep focus in the table); narrow: details over it. */
  const wide = useMediaQuery(WIDE_LAYOUT_QUERY);

  const members = useLiveQuery(
    async () => ({ segmentId: segment.id, rows: await loadSegmentMembers(db, segment.id) }),
    [db, segment.id],
  );
  const rows: MemberRow[] | undefined = members.data?.segmentId === segment.id ? members.data.rows : undefined;

  const allColumns = useMemo(() => memberColumns(customFields, campaigns), [customFields, campaigns]);
  const [columnIds, setColumnIds] = useState<string[]>(loadColumnIds);
  const columns = useMemo(() => pickColumns(allColumns, columnIds), [allColumns, columnIds]);
  const [sort, setSort] = useState<MemberSort>(loadSort);
  const [search, setSearch] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [filters, setFilters] = useState<Record<string, string>>({});

  const sorted = useMemo(
    () => (rows ? sortMembers(rows, allColumns, sort, formatter.context.locale) : []),
    [rows, allColumns, sort, formatter],
  );
  const index = useMemo(() => new MemberIndex(sorted, formatter), [sorted, formatter]);
  const shown = useMemo(() => filterMembers(index, allColumns, { search, filters }), [index, allColumns, search, filters]);
  const narrowed = isNarrowed({ search, filters });
  const queryKey = `${sort.columnId}:${sort.direction}|${search}|${JSON.stringify(filters)}`;

  // Marks the first rows on screen (benchmarks read "sidepanel:first-rows" from the performance timeline).
  const markedFirstRows = useRef(false);
  useEffect(() => {
    if (markedFirstRows.current || !rows || rows.length === 0) return;
    markedFirstRows.current = true;
    globalThis.performance?.mark?.('sidepanel:first-rows', { detail: { segmentId: segment.id, members: rows.length } });
  }, [rows]);

  // Time-dependent segments are re-evaluated whenever they are shown (docs/semantics.md §3 rule 7).
  useEffect(() => {
    if (segment.status !== 'active' || refreshedOnShow.has(segment.id)) return;
    let timeDependent: boolean;
    try {
      timeDependent = compileRules(segment.rules, {
        now: Date.now(),
        timeZone: formatter.context.timeZone,
        customFields: [...customFields],
        segmentMembers: () => ({ has: () => false }), // only timeDependent is read
      }).timeDependent;
    } catch {
      return; // The segment's error is shown in its summary.
    }
    if (!timeDependent) return;
    refreshedOnShow.add(segment.id);
    void send('refreshSegment', { id: segment.id });
  }, [segment.id]);

  // Closing the details returns focus to the table once it is interactive again (not inert).
  const focusGridOnClose = useRef(false);
  const closeLead = () => {
    focusGridOnClose.current = true;
    props.onCloseLead();
  };
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
  }, [leadId]);

  const changeColumns = (ids: string[]) => {
    setColumnIds(ids);
    saveColumnIds(ids);
    setFilters((current) => Object.fromEntries(Object.entries(current).filter(([id]) => ids.includes(id))));
  };

  const changeSort = (columnId: string) => {
    const next: MemberSort =
      sort.columnId === columnId ? { columnId, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { columnId, direction: 'asc' };
    setSort(next);
    saveSort(next);
  };

  const clearNarrowing = () => {
    setSearch('');
    setFilters({});
  };

  const openLead = (id: string) => props.onOpenLead(id);



  const total = rows?.length ?? 0;
  let tableArea;
  if (members.error && !rows) {
    tableArea = <ErrorState title="Could not load the members" message={members.error.message} />;
  } else if (!rows) {
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
    rows && total > 0 && shown.length === 0 ? (
      <EmptyState
        title="No members match"
        action={
          <button type="button" class="button" onClick={clearNarrowing}>
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
        <div class="toolbar">
          <div class="search">
            <svg class="search-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.6" />
              <path d="M10.5 10.5 14 14" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
            </svg>
            <input
              type="search"
              class="search-input"
              aria-label="Search members"
              placeholder="Search members"
              title="Search by name, email or company"
              value={search}
              onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && search) {
                  event.preventDefault();
                  setSearch('');
                }
              }}
            />
          </div>
          <div class="toolbar-buttons">
            <button
              type="button"
              class={`button button-small${filtersOpen ? ' is-on' : ''}`}
              aria-pressed={filtersOpen}
              onClick={() => {
                if (filtersOpen) setFilters({});
                setFiltersOpen(!filtersOpen);
              }}
              title={filtersOpen ? 'Hide the filter row (clears filters)' : 'Filter by any column'}
            >
              <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                <path d="M2 3.5h12L9.5 9v4l-3 1.2V9z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
              </svg>
              Filters
            </button>
            <ColumnChooser columns={allColumns} selected={columns.map((c) => c.id)} onChange={changeColumns} />
          </div>
        </div>

        <div class="list-bar">
          <div class="members-meta">
            <p class="showing" role="status" data-shown={rows ? shown.length : undefined} data-total={rows ? total : undefined}>
              {rows
                ? `Showing ${formatter.number(shown.length)} of ${formatter.number(total)} ${total === 1 ? 'member' : 'members'}`
                : 'Loading members…'}
            </p>
            {narrowed && (
              <button type="button" class="link-button" onClick={clearNarrowing}>
                Clear
              </button>
            )}
          </div>
          {rows && total > 0 && (
            <ExportBar
              segmentName={segment.name}
              shown={shown}
              all={sorted}
              columns={columns}
              download={props.download}
              copy={props.copy}
            />
          )}
        </div>

        <div class="table-area">
          {tableArea ?? (
            <MemberTable
              rows={shown}
              columns={columns}
              sort={sort}
              onSort={changeSort}
              filtersOpen={filtersOpen}
              filters={filters}
              onFilterChange={(id, text) => setFilters((current) => ({ ...current, [id]: text }))}
              selectedLeadId={leadId}
              onOpen={openLead}
              label={`Members of ${segment.name}`}
              queryKey={queryKey}
              initialRect={props.initialRect}
              empty={noMatch}
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
