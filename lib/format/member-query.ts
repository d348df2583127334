import { cellText, type MemberColumn, type MemberRow } from './member-columns';
import type { MemberSort } from './member-sort';
import type { ValueFormatter } from './value';

export { DEFAULT_SORT, sortMembers, type MemberSort, type SortDirection } from './member-sort';

/**
 * What narrows and orders the member table: the "Search members" text (name, email, company),
 * per-column filters (column id → text the cell must contain) and the sort.
 */
export interface MemberQuery {
  search: string;
  filters: Readonly<Record<string, string>>;
  sort: MemberSort;
}

/**
 * Text as compared by search and filters: Unicode NFKC, lower case, runs of white space collapsed
 * to one space, trimmed (the same normalisation as docs/semantics.md §3 rule 3, so "  GOOGLE " finds "Google").
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Search terms of a query: its normalised words ("" → none). */
export function searchTerms(search: string): string[] {
  const normalised = normaliseText(search);
  return normalised === '' ? [] : normalised.split(' ');
}

/**
 * Caches per-row derived text for one array of rows (search text, display text per column) so
 * that typing in the search box or a filter re-scans 100,000 rows without re-formatting them.
 * Create one per rows array and formatter; it never goes stale because rows are immutable.
 */
export class MemberIndex {
  readonly rows: readonly MemberRow[];
  private readonly formatter: ValueFormatter;
  private searchText: string[] | undefined;
  private readonly columnText = new Map<string, string[]>();

  constructor(rows: readonly MemberRow[], formatter: ValueFormatter) {
    this.rows = rows;
    this.formatter = formatter;
  }

  /** Normalised "name email company" of row `i`. */
  search(i: number): string {
    if (!this.searchText) {
      this.searchText = this.rows.map((row) =>
        normaliseText([row.lead.name, row.lead.email ?? '', row.lead.company ?? ''].join(' \u0000 ')),
      );
    }
    return this.searchText[i] ?? '';
  }

  /** Normalised display text of `column` for row `i`. */
  text(column: MemberColumn, i: number): string {
    let texts = this.columnText.get(column.id);
    if (!texts) {
      texts = this.rows.map((row) => normaliseText(cellText(row, column, this.formatter)));
      this.columnText.set(column.id, texts);
    }
    return texts[i] ?? '';
  }
}

/**
 * Applies search and filters (no sorting), returning matching rows in their index order.
 * Search: every word must occur in the lead's name, email or company. Filter: the cell's display
 * text must contain the filter text (both normalised); blank filters and unknown columns are
 * ignored.
 */
export function filterMembers(index: MemberIndex, columns: readonly MemberColumn[], query: Omit<MemberQuery, 'sort'>): MemberRow[] {
  const terms = searchTerms(query.search);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const filters = Object.entries(query.filters)
    .map(([id, text]) => ({ column: byId.get(id), text: normaliseText(text) }))
    .filter((f): f is { column: MemberColumn; text: string } => f.column !== undefined && f.text !== '');
  if (terms.length === 0 && filters.length === 0) return [...index.rows];
  const out: MemberRow[] = [];
  index.rows.forEach((row, i) => {
    if (terms.length > 0) {
      const haystack = index.search(i);
      if (!terms.every((t) => haystack.includes(t))) return;
    }
    for (const f of filters) if (!index.text(f.column, i).includes(f.text)) return;
    out.push(row);
  });
  return out;
}

/** True when the query narrows the rows (a search word or a non-blank filter). */
export function isNarrowed(query: Omit<MemberQuery, 'sort'>): boolean {
  return searchTerms(query.search).length > 0 || Object.values(query.filters).some((t) => normaliseText(t) !== '');
}
