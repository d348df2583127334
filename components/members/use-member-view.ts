import { useMemo, useState } from 'preact/hooks';
import { memberColumns, pickColumns, type MemberColumn, type MemberRow } from '../../lib/format/member-columns';
import { isNarrowed, type MemberSort } from '../../lib/format/member-query';
import type { Campaign, CustomFieldDef } from '../../lib/schema';
import { useFormatter } from './formatter-context';
import type { MemberRows } from './member-rows';
import { loadColumnIds, loadSort, saveColumnIds, saveSort } from './preferences';
import { useMemberOrder, type MemberOrderState } from './use-member-order';

/** The member table's view of the rows: chosen columns, sort, search and filters, and their result. */
export interface MemberView {
  allColumns: MemberColumn[];
  columns: MemberColumn[];
  sort: MemberSort;
  search: string;
  filters: Record<string, string>;
  filtersOpen: boolean;
  /** Every row, in table order (read row by row: see `member-rows.ts`). */
  sorted: MemberRows;
  /** The rows the search and filters keep, in table order. */
  shown: MemberRows;
  narrowed: boolean;
  /** Changes whenever the order or the narrowing on screen changes (the table keeps its scroll anchor otherwise). */
  queryKey: string;
  /** A sort, search or list change still being ordered (by the member worker), the previous order on screen meanwhile. */
  pending: MemberOrderState['pending'];
  setSearch(search: string): void;
  setFilter(columnId: string, text: string): void;
  toggleFilters(): void;
  changeColumns(ids: string[]): void;
  changeSort(columnId: string): void;
  clearNarrowing(): void;
}

/**
 * Column choice, sort, search and filters of the member table (issue 5 §2–3), kept in
 * preferences where the user expects them back, applied to `rows` (in the render for a few
 * members, else by the member worker: see `use-member-order.ts`).
 */
export function useMemberView(rows: readonly MemberRow[] | undefined, customFields: readonly CustomFieldDef[], campaigns: readonly Campaign[]): MemberView {
  const formatter = useFormatter();
  const allColumns = useMemo(() => memberColumns(customFields, campaigns), [customFields, campaigns]);
  const [columnIds, setColumnIds] = useState<string[]>(loadColumnIds);
  const columns = useMemo(() => pickColumns(allColumns, columnIds), [allColumns, columnIds]);
  const [sort, setSort] = useState<MemberSort>(loadSort);
  const [search, setSearch] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const order = useMemberOrder(rows, allColumns, sort, search, filters, formatter);

  return {
    allColumns,
    columns,
    sort,
    search,
    filters,
    filtersOpen,
    sorted: order.sortedRows,
    shown: order.shownRows,
    narrowed: isNarrowed({ search, filters }),
    queryKey: order.queryKey,
    pending: order.pending,
    setSearch,
    setFilter: (columnId, text) => setFilters((current) => ({ ...current, [columnId]: text })),
    toggleFilters: () => {
      if (filtersOpen) setFilters({});
      setFiltersOpen(!filtersOpen);
    },
    changeColumns: (ids) => {
      setColumnIds(ids);
      saveColumnIds(ids);
      setFilters((current) => Object.fromEntries(Object.entries(current).filter(([id]) => ids.includes(id))));
    },
    changeSort: (columnId) => {
      const next: MemberSort =
        sort.columnId === columnId ? { columnId, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { columnId, direction: 'asc' };
      setSort(next);
      saveSort(next);
    },
    clearNarrowing: () => {
      setSearch('');
      setFilters({});
    },
  };
}
