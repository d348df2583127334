import './analysis.css';
import { useMemo, useState } from 'preact/hooks';
import { useDb } from '../db-context';
import { useFormatter } from '../members/formatter-context';
import { EmptyState, ErrorState, LoadingState } from '../members/states';
import { useLiveQuery } from '../use-live-query';
import {
  barColumn,
  barShares,
  COMPARE_COLUMN_LABELS,
  COMPARE_COLUMNS,
  DEFAULT_COMPARE_SORT,
  nextSort,
  sortCompareRows,
  type CompareColumn,
  type CompareSort,
} from '../../lib/analysis/compare';
import { formatRate } from '../../lib/analysis/conversion';
import { loadComparison } from '../../lib/analysis/load';
import { safeColor } from '../../lib/format/color';
import type { Segment } from '../../lib/schema';
import { useToday } from './use-today';

/** Props of {@link CompareTable}. */
export interface CompareTableProps {
  /** The segments the user can see (the side panel's list). */
  segments: readonly Segment[];
  /** Opens a segment's analysis. */
  onOpenSegment: (segmentId: string) => void;
}

/**
 * The "Compare" view (issue 8 §5, docs/semantics.md §8): every visible segment side by side in a
 * `role="table"` — Segment, Members, Added (30 days), Removed (30 days), Conversion rate — ranked
 * by any column (header buttons, `aria-sort`; highest conversion rate first by default), each row
 * with a bar of the ranked figure so high-value segments stand out.
 */
export function CompareTable({ segments, onOpenSegment }: CompareTableProps) {
  const db = useDb();
  const formatter = useFormatter();
  const { locale, timeZone } = formatter.context;
  const today = useToday(timeZone);
  const [sort, setSort] = useState<CompareSort>(DEFAULT_COMPARE_SORT);
  const state = useLiveQuery(() => loadComparison(db, segments, today), [db, segments, today]);
  const rows = useMemo(() => (state.data ? sortCompareRows(state.data, sort, locale) : undefined), [state.data, sort, locale]);
  const shares = useMemo(() => (rows ? barShares(rows, sort.column) : []), [rows, sort.column]);

  if (segments.length === 0) return <EmptyState title="No segments to compare">Create segments in the popup; they are ranked here.</EmptyState>;
  if (state.error && !rows) return <ErrorState title="Could not load the comparison" message={state.error.message} />;
  if (!rows) return <LoadingState label="Comparing segments…" />;

  const n = formatter.number;
  const figures = (column: CompareColumn, row: (typeof rows)[number]): string =>
    column === 'conversionRate' ? formatRate(row.conversionRate, locale) : column === 'name' ? row.name : n(row[column]);

  return (
    <div class="compare">
      <p class="compare-note" id="compare-note">
        {n(rows.length)} {rows.length === 1 ? 'segment' : 'segments'}. Bars show {COMPARE_COLUMN_LABELS[barColumn(sort.column)].toLowerCase()}; choose a column
        header to rank by it.
      </p>
      <div class="compare-scroll">
        <table class="compare-table" role="table" aria-label="Compare segments" aria-describedby="compare-note">
          <thead>
            <tr>
              {COMPARE_COLUMNS.map((column) => {
                const sorted = sort.column === column;
                return (
                  <th key={column} scope="col" class={column === 'name' ? 'col-name' : 'col-figure'} aria-sort={sorted ? sort.direction : 'none'}>
                    <button type="button" class="sort-button" onClick={() => setSort(nextSort(sort, column))}>
                      <span class="sort-label">{COMPARE_COLUMN_LABELS[column]}</span>
                      {sorted && (
                        <span class="sort-indicator is-sorted" aria-hidden="true">
                          {sort.direction === 'ascending' ? '▲' : '▼'}
                        </span>
                      )}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.segmentId} data-segment-id={row.segmentId}>
                <th scope="row" class="col-name">
                  <button type="button" class="compare-name" onClick={() => onOpenSegment(row.segmentId)} title={`Open the analysis of ${row.name}`}>
                    <span class="color-dot" style={{ background: safeColor(row.color) }} aria-hidden="true" />
                    <bdi>{row.name}</bdi>
                  </button>
                  <span class="compare-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round((shares[i] ?? 0) * 1000) / 10}%`, background: safeColor(row.color) }} />
                  </span>
                </th>
                {COMPARE_COLUMNS.filter((c) => c !== 'name').map((column) => (
                  <td key={column} class="col-figure">
                    {figures(column, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
