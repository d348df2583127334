/** One segment in the compare view (docs/semantics.md §8): the figures it is ranked on. */
export interface CompareRow {
  segmentId: string;
  name: string;
  color: string;
  members: number;
  /** Members added / removed in the last 30 days (see `windowTotals`). */
  added30: number;
  removed30: number;
  /** Conversion rate in [0, 1]; `null` without members. */
  conversionRate: number | null;
}

/** Sortable columns of the compare table, in display order. */
export const COMPARE_COLUMNS = ['name', 'members', 'added30', 'removed30', 'conversionRate'] as const;
export type CompareColumn = (typeof COMPARE_COLUMNS)[number];

/** Column headers (contract names of issue 8 §5). */
export const COMPARE_COLUMN_LABELS: Record<CompareColumn, string> = {
  name: 'Segment',
  members: 'Members',
  added30: 'Added (30 days)',
  removed30: 'Removed (30 days)',
  conversionRate: 'Conversion rate',
};

export type SortDirection = 'ascending' | 'descending';

/** How the compare table is sorted. */
export interface CompareSort {
  column: CompareColumn;
  direction: SortDirection;
}

/** The default ranking: highest conversion rate first, so high-value segments stand out. */
export const DEFAULT_COMPARE_SORT: CompareSort = { column: 'conversionRate', direction: 'descending' };

/** The direction a column sorts in when first chosen: names A→Z, figures largest first. */
export function initialDirection(column: CompareColumn): SortDirection {
  return column === 'name' ? 'ascending' : 'descending';
}

/** The sort after a click on `column`: the other direction if it is already sorted, else its initial one. */
export function nextSort(current: CompareSort, column: CompareColumn): CompareSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: initialDirection(column) };
}

/**
 * Ranks compare rows by `sort` (a new array). Names compare in `locale` ignoring case and accents;
 * a segment without a conversion rate (no members) goes last in either direction; ties keep name
 * order (A→Z), then segment id, so the ranking is stable.
 */
export function sortCompareRows(rows: readonly CompareRow[], sort: CompareSort, locale?: string): CompareRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: CompareRow, b: CompareRow) => collator.compare(a.name, b.name) || (a.segmentId < b.segmentId ? -1 : a.segmentId > b.segmentId ? 1 : 0);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return sign * byName(a, b);
    const va = a[sort.column];
    const vb = b[sort.column];
    if (va === null || vb === null) {
      if (va === vb) return byName(a, b);
      return va === null ? 1 : -1;
    }
    return sign * (va - vb) || byName(a, b);
  });
}

/** The figure a row's bar shows for a sort column: the sorted figure, or members when sorted by name. */
export function barColumn(column: CompareColumn): Exclude<CompareColumn, 'name'> {
  return column === 'name' ? 'members' : column;
}

/**
 * Length of each row's bar in [0, 1] for the figure of {@link barColumn}: a conversion rate is
 * drawn as itself (100% = full bar, so rates compare across views); counts relative to the
 * largest count in `rows`.
 */
export function barShares(rows: readonly CompareRow[], column: CompareColumn): number[] {
  const figure = barColumn(column);
  if (figure === 'conversionRate') return rows.map((row) => row.conversionRate ?? 0);
  const max = rows.reduce((m, row) => Math.max(m, row[figure]), 0);
  return rows.map((row) => (max === 0 ? 0 : row[figure] / max));
}
