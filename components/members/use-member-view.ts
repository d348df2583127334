import { useEffect, useMemo, useState } from 'preact/hooks';
import { memberColumns, pickColumns, type MemberColumn, type MemberRow } from '../../lib/format/member-columns';
import { filterMembers, isNarrowed, MemberIndex, sortMembers, warmSearchText, type MemberSort } from '../../lib/format/member-query';
import type { Campaign, CustomFieldDef } from '../../lib/schema';
import { useFormatter } from './formatter-context';
import { loadColumnIds, loadSort, saveColumnIds, saveSort } from './preferences';

/** The member table's view of the rows: chosen columns, sort, search and filters, and their result. */
export interface MemberView {
  allColumns: MemberColumn[];
  columns: MemberColumn[];
  sort: MemberSort;
  search: string;
  filters: Record<string, string>;
  filtersOpen: boolean;
  /** Every row, in table order. */
  sorted: MemberRow[];
  /** The rows the search and filters keep, in table order. */
  shown: MemberRow[];
  narrowed: boolean;
  /** Changes whenever the order or the narrowing changes (the table keeps its scroll anchor otherwise). */
  queryKey: string;
  setSearch(search: string): void;
  setFilter(columnId: string, text: string): void;
  toggleFilters(): void;
  changeColumns(ids: string[]): void;
  changeSort(columnId: string): void;
  clearNarrowing(): void;
}

/**
 * Column choice, sort, search and filters of the member table (issue 5 §2–3), kept in
 * preferences where the user expects them back, applied to `rows` (sorted once per rows array
 * and sort: see `lib/format/member-sort.ts`).
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
  const locale = formatter.context.locale;

  const sorted = useMemo(() => (rows ? sortMembers(rows, allColumns, sort, locale) : []), [rows, allColumns, sort, locale]);
  const index = useMemo(() => new MemberIndex(sorted, formatter), [sorted, formatter]);
  const shown = useMemo(() => filterMembers(index, allColumns, { search, filters }), [index, allColumns, search, filters]);
  // The search text of every member is prepared between frames, so the first keystroke only scans.
  useEffect(() => (rows ? warmSearchText(rows) : undefined), [rows]);

  return {
    allColumns,
    columns,
    sort,
    search,
    filters,
    filtersOpen,
    sorted,
    shown,
    narrowed: isNarrowed({ search, filters }),
    queryKey: `${sort.columnId}:${sort.direction}|${search}|${JSON.stringify(filters)}`,
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
