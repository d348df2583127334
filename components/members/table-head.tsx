import type { MemberColumn } from '../../lib/format/member-columns';
import type { MemberSort } from '../../lib/format/member-query';
import { FILTER_ROW_HEIGHT, HEADER_HEIGHT } from './table-layout';

/** Props of {@link TableHead}. */
export interface TableHeadProps {
  columns: readonly MemberColumn[];
  widths: readonly number[];
  sort: MemberSort;
  onSort: (columnId: string) => void;
  filtersOpen: boolean;
  filters: Readonly<Record<string, string>>;
  onFilterChange: (columnId: string, text: string) => void;
}

/** The member grid's sticky header: one sortable column header per column, then the optional filter row. */
export function TableHead({ columns, widths, sort, onSort, filtersOpen, filters, onFilterChange }: TableHeadProps) {
  return (
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
                    onClick={() => onSort(column.id)}
                    title={`Sort by ${column.label}`}
                  >
                    <span class="sort-label" dir="auto">
                      {column.label}
                    </span>
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
                    onInput={(event) => onFilterChange(column.id, (event.currentTarget as HTMLInputElement).value)}
                  />
                </div>
              ))}
            </div>
          )}
        </div>
  );
}
