import type { Rect } from '@tanstack/virtual-core';
import { Component, type ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cellText, type MemberColumn, type MemberRow } from '../../lib/format/member-columns';
import type { MemberSort } from '../../lib/format/member-query';
import { EMPTY_DISPLAY, type ValueFormatter } from '../../lib/format/value';
import { useFormatter } from './formatter-context';
import { captureAnchor, restoreOffset } from './scroll-anchor';
import { columnWidth, FILTER_ROW_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT, scrollTopToReveal } from './table-layout';
import { useVirtualizer } from './use-virtualizer';

const estimateSize = () => ROW_HEIGHT;

/** Props of {@link MemberTable}. */
export interface MemberTableProps {
  /** The rows to list, already searched, filtered and sorted. */
  rows: readonly MemberRow[];
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

  const keys = useMemo(() => rows.map((r) => r.lead.id), [rows]);
  const indexByKey = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);

  // Active row (keyboard focus), tracked by lead id so it survives live changes.
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const lastActiveIndex = useRef(0);
  let activeIndex = activeKey === undefined ? -1 : (indexByKey.get(activeKey) ?? -1);
  if (activeKey !== undefined && activeIndex === -1 && rows.length > 0) {
    // The active member left: the row now at its place becomes active.
    activeIndex = Math.min(lastActiveIndex.current, rows.length - 1);
  }
  if (activeIndex >= 0) lastActiveIndex.current = activeIndex;

  // Keep the user's place when the rows change (captured before the DOM is patched).
  const previous = useRef({ keys, queryKey });
  const pendingScrollTop = useRef<number | null>(null);
  if (previous.current.keys !== keys || previous.current.queryKey !== queryKey) {
    const element = scrollRef.current;
    if (previous.current.queryKey !== queryKey) {
      pendingScrollTop.current = 0;
    } else if (element) {
      const anchor = captureAnchor(previous.current.keys, element.scrollTop, ROW_HEIGHT);
      pendingScrollTop.current = anchor ? restoreOffset(anchor, (k) => indexByKey.get(k), ROW_HEIGHT) : null;
    }
    previous.current = { keys, queryKey };
  }

  const getItemKey = useCallback((index: number) => keys[index] ?? index, [keys]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    // Stable per rows: virtual-core rebuilds its measurements (O(rows)) when this changes.
    getItemKey,
    overscan: 12,
    scrollMargin: headerHeight,
    fallbackRect: props.initialRect,
    initialRect: props.initialRect,
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && pendingScrollTop.current !== null && element.scrollTop !== pendingScrollTop.current) {
      element.scrollTop = pendingScrollTop.current;
    }
    pendingScrollTop.current = null;
  }, [keys, queryKey]);

  useEffect(() => {
    if (activeKey !== undefined && !indexByKey.has(activeKey) && rows[activeIndex]) setActiveKey(rows[activeIndex]!.lead.id);
  }, [indexByKey]);

  const reveal = (index: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const next = scrollTopToReveal(index, element.scrollTop, element.clientHeight, headerHeight);
    if (next !== element.scrollTop) element.scrollTop = next;
  };

  const activate = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setActiveKey(row.lead.id);
    reveal(index);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - headerHeight) / ROW_HEIGHT) - 1);
    const current = activeIndex;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = current < 0 ? 0 : Math.min(rows.length - 1, current + 1);
        break;
      case 'ArrowUp':
        next = current < 0 ? 0 : Math.max(0, current - 1);
        break;
      case 'PageDown':
        next = Math.min(rows.length - 1, Math.max(0, current) + page);
        break;
      case 'PageUp':
        next = Math.max(0, current - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const row = rows[current < 0 ? 0 : current];
        if (!row) return;
        event.preventDefault();
        if (current < 0) activate(0);
        props.onOpen(row.lead.id);
        return;
      }
      default:
        return;
    }
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
        <div class="table-head" role="rowgroup">
          <div class="table-row table-header-row" role="row" aria-rowindex={1} style={{ height: `${HEADER_HEIGHT}px` }}>
            {columns.map((column, i) => {
              const sorted = sort.columnId === column.id;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  class={`table-cell table-header-cell kind-${column.kind}`}
                  style={{ width: `${widths[i]}px` }}
                  aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    class="sort-button"
                    onClick={() => props.onSort(column.id)}
                    title={`Sort by ${column.label}`}
                  >
                    <span class="sort-label">{column.label}</span>
                    <span class={`sort-indicator${sorted ? ' is-sorted' : ''}`} aria-hidden="true">
                      {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
          {filtersOpen && (
            <div class="table-row table-filter-row" role="row" aria-rowindex={2} style={{ height: `${FILTER_ROW_HEIGHT}px` }}>
              {columns.map((column, i) => (
                <div key={column.id} role="gridcell" class="table-cell table-filter-cell" style={{ width: `${widths[i]}px` }}>
                  <input
                    type="search"
                    class="filter-input"
                    aria-label={`Filter ${column.label}`}
                    placeholder="Filter…"
                    value={filters[column.id] ?? ''}
                    onInput={(event) => props.onFilterChange(column.id, (event.currentTarget as HTMLInputElement).value)}
                  />
                </div>
              ))}
            </div>
          )}
        </div>
        <div class="table-body" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <MemberRowView
                key={row.lead.id}
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

interface MemberRowViewProps {
  id: string;
  index: number;
  ariaRowIndex: number;
  row: MemberRow;
  columns: readonly MemberColumn[];
  widths: readonly number[];
  formatter: ValueFormatter;
  selected: boolean;
  active: boolean;
  onClick: (leadId: string) => void;
}

/**
 * One member row. Re-renders only when one of its props changes, so scrolling renders just the
 * rows entering the viewport.
 */
class MemberRowView extends Component<MemberRowViewProps> {
  override shouldComponentUpdate(next: MemberRowViewProps): boolean {
    const current = this.props;
    return (Object.keys(next) as Array<keyof MemberRowViewProps>).some((key) => next[key] !== current[key]);
  }

  override render() {
    const { id, index, ariaRowIndex, row, columns, widths, formatter, selected, active, onClick } = this.props;
    return (
      <div
        id={id}
        role="row"
        aria-rowindex={ariaRowIndex}
        aria-selected={selected}
        data-lead-id={row.lead.id}
        class={`table-row member-row${index % 2 ? ' is-odd' : ''}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
        style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: `${ROW_HEIGHT}px` }}
        onClick={() => onClick(row.lead.id)}
      >
        {columns.map((column, i) => {
          const text = cellText(row, column, formatter);
          return (
            <div
              key={column.id}
              role="gridcell"
              class={`table-cell kind-${column.kind}${column.id === 'name' ? ' cell-name' : ''}`}
              style={{ width: `${widths[i]}px` }}
              title={text || undefined}
            >
              {/* Lead data is isolated: a right-to-left override in one value never reverses the next (issue 9). */}
              {text === '' ? <span class="cell-empty">{EMPTY_DISPLAY}</span> : <bdi>{text}</bdi>}
            </div>
          );
        })}
      </div>
    );
  }
}
