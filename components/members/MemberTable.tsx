import type { Rect } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MemberColumn } from '../../lib/format/member-columns';
import type { MemberSort } from '../../lib/format/member-query';
import { useFormatter } from './formatter-context';
import { captureAnchor, restoreOffset } from './scroll-anchor';
import { MemberRowView } from './member-row-view';
import { leadIdsBetween, positionOfLead, type MemberRows } from './member-rows';
import { TableHead } from './table-head';
import { columnWidth, FILTER_ROW_HEIGHT, HEADER_HEIGHT, nextActiveIndex, ROW_HEIGHT, scrollTopToReveal } from './table-layout';
import { useVirtualizer } from './use-virtualizer';

const estimateSize = () => ROW_HEIGHT;

/** Props of {@link MemberTable}. */
export interface MemberTableProps {
  /** The rows to list, already searched, filtered and sorted (an array, or an order read row by row). */
  rows: MemberRows;
  columns: readonly MemberColumn[];
  sort: MemberSort;
  onSort: (columnId: string) => void;
  /** Whether the per-column filter row is shown, and its values (column id → text). */
  filtersOpen: boolean;
  filters: Readonly<Record<string, string>>;
  onFilterChange: (columnId: string, text: string) => void;
  /** The lead whose details are open (highlighted). */
  selectedLeadId?: string;
  /** Opens a member's details (click or Enter). */
  onOpen: (leadId: string) => void;
  /** Accessible name of the grid, e.g. "Members of Hot leads". */
  label: string;
  /**
   * Changes when the user changes what is listed (search, filters, sort, segment): the list then
   * starts at the top. Live data changes with the same key keep the scroll position.
   */
  queryKey: string;
  /** Viewport size while the table has no layout (jsdom in tests); see `useVirtualizer`. */
  initialRect?: Rect;
  /** Told the lead ids of the rows rendered (viewport and overscan) whenever they change. */
  onRenderedIds?: (leadIds: string[]) => void;
  /** Shown under the headers when `rows` is empty (the headers and filters stay usable). */
  empty?: ComponentChildren;
}

/**
 * The virtualized member table (issue 5 §2): an ARIA grid whose rows are rendered only around
 * the viewport (@tanstack/virtual-core), so 100,000 members scroll smoothly. Sticky sortable
 * headers and an optional filter row scroll horizontally with the rows. Keyboard: Arrow keys,
 * Page Up/Down, Home/End move the active row; Enter or Space opens its details. When members
 * join or leave, the row at the top of the viewport stays in place and the active row stays
 * active (both tracked by lead id, not index).
 */
export function MemberTable(props: MemberTableProps) {
  const { rows, columns, sort, filtersOpen, filters, selectedLeadId, label, queryKey } = props;
  const formatter = useFormatter();
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerHeight = HEADER_HEIGHT + (filtersOpen ? FILTER_ROW_HEIGHT : 0);
  const headerRowCount = filtersOpen ? 2 : 1;
  const widths = useMemo(() => columns.map(columnWidth), [columns]);
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  // Rows are only read around the viewport: a new order of 250,000 members costs no pass over
  // them here. Lead ids are looked up (an active row, keeping the place through a live change)
  // through an index built on the first look-up (member-rows.ts).
  const indexOf = useCallback((leadId: string) => positionOfLead(rows, leadId), [rows]);

  // Active row (keyboard focus), tracked by lead id so it survives live changes.
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const lastActiveIndex = useRef(0);
  let activeIndex = activeKey === undefined ? -1 : (indexOf(activeKey) ?? -1);
  if (activeKey !== undefined && activeIndex === -1 && rows.length > 0) {
    // The active member left: the row now at its place becomes active.
    activeIndex = Math.min(lastActiveIndex.current, rows.length - 1);
  }
  if (activeIndex >= 0) lastActiveIndex.current = activeIndex;

  // Keep the user's place when the rows change (captured before the DOM is patched).
  const previous = useRef({ rows, queryKey });
  const pendingScrollTop = useRef<number | null>(null);
  if (previous.current.rows !== rows || previous.current.queryKey !== queryKey) {
    const element = scrollRef.current;
    if (previous.current.queryKey !== queryKey) {
      pendingScrollTop.current = 0;
    } else if (element) {
      const before = previous.current.rows;
      const ids = { length: before.length, slice: (start: number, end: number) => leadIdsBetween(before, start, end) };
      const anchor = captureAnchor(ids, element.scrollTop, ROW_HEIGHT);
      pendingScrollTop.current = anchor ? restoreOffset(anchor, indexOf, ROW_HEIGHT) : null;
    }
    previous.current = { rows, queryKey };
  }

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    // Items are keyed by index (the default; rows have one fixed height, nothing is measured), so
    // a new order of as many rows keeps virtual-core's measurements instead of rebuilding them (O(rows)).
    overscan: 12,
    scrollMargin: headerHeight,
    fallbackRect: props.initialRect,
    initialRect: props.initialRect,
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    // Compared with the offset virtual-core last saw (updated on every scroll event): reading
    // `element.scrollTop` here would force a layout of the rows just patched, in the middle of the commit.
    const { scrollOffset } = virtualizer; // one instance for the table's life
    const offset = scrollOffset ?? element?.scrollTop;
    if (element && pendingScrollTop.current !== null && offset !== pendingScrollTop.current) {
      element.scrollTop = pendingScrollTop.current;
    }
    pendingScrollTop.current = null;
  }, [rows, queryKey, virtualizer]);

  // The active member left: the row that took its place becomes the active one.
  useEffect(() => {
    const row = rows.at(activeIndex);
    if (activeKey !== undefined && activeIndex >= 0 && indexOf(activeKey) === undefined && row) setActiveKey(row.lead.id);
  }, [indexOf, activeKey, activeIndex, rows]);

  const reveal = (index: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const next = scrollTopToReveal(index, element.scrollTop, element.clientHeight, headerHeight);
    if (next !== element.scrollTop) element.scrollTop = next;
  };

  const activate = (index: number) => {
    const row = rows.at(index);
    if (!row) return;
    setActiveKey(row.lead.id);
    reveal(index);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - headerHeight) / ROW_HEIGHT) - 1);
    const current = activeIndex;
    if (event.key === 'Enter' || event.key === ' ') {
      const row = rows.at(current < 0 ? 0 : current);
      if (!row) return;
      event.preventDefault();
      if (current < 0) activate(0);
      props.onOpen(row.lead.id);
      return;
    }
    const next = nextActiveIndex(event.key, current, rows.length, page);
    if (next === undefined) return;
    event.preventDefault();
    activate(next);
  };

  const rowId = (index: number) => `${gridId}-row-${index}`;
  const onOpenRef = useRef(props.onOpen);
  onOpenRef.current = props.onOpen;
  const [onRowClick] = useState(() => (id: string) => {
    setActiveKey(id);
    onOpenRef.current(id);
  });
  const items = virtualizer.getVirtualItems();
  const renderedKey = items.map((item) => rows.at(item.index)?.lead.id ?? '').join('\n');
  const { onRenderedIds } = props;
  useEffect(() => {
    onRenderedIds?.(renderedKey === '' ? [] : renderedKey.split('\n'));
  }, [renderedKey, onRenderedIds]);
  const activeRendered = activeIndex >= 0 && items.some((item) => item.index === activeIndex);

  return (
    <div
      ref={scrollRef}
      class="table-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + headerRowCount}
      aria-colcount={columns.length}
      aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div class="table-inner" style={{ width: `${totalWidth}px` }}>
        <TableHead
          columns={columns}
          widths={widths}
          sort={sort}
          onSort={props.onSort}
          filtersOpen={filtersOpen}
          filters={filters}
          onFilterChange={props.onFilterChange}
        />
        <div class="table-body" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {items.map((item) => {
            const row = rows.at(item.index);
            if (!row) return null;
            return (
              <MemberRowView
                // Keyed by position: a new order re-fills the row elements on screen instead of replacing them.
                key={item.index}
                id={rowId(item.index)}
                index={item.index}
                ariaRowIndex={item.index + headerRowCount + 1}
                row={row}
                columns={columns}
                widths={widths}
                formatter={formatter}
                selected={row.lead.id === selectedLeadId}
                active={item.index === activeIndex}
                onClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 && props.empty && <div class="table-empty">{props.empty}</div>}
    </div>
  );
}
