import type { MemberColumn, MemberRow } from './member-columns';
import type { MemberSort } from './member-sort';
import type { ValueFormatter, ValueKind } from './value';

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

/** Search text per lead object (leads are immutable rows: a changed lead is a new object). */
const searchTexts = new WeakMap<object, string>();

/** Normalised "name email company" search text of a lead's fields (what "Search members" looks in). */
export function searchTextOf(name: string, email: string | undefined, company: string | undefined): string {
  return normaliseText([name, email ?? '', company ?? ''].join(' \u0000 '));
}

/** Normalised "name email company" of a member, computed once per lead object. */
export function memberSearchText(row: MemberRow): string {
  let text = searchTexts.get(row.lead);
  if (text === undefined) {
    text = searchTextOf(row.lead.name, row.lead.email, row.lead.company);
    searchTexts.set(row.lead, text);
  }
  return text;
}

/** True when normalised `haystack` holds every search term (see {@link searchTerms}). */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  return terms.every((t) => haystack.includes(t));
}

/** A column filter's text to compare: the normalised display text of a raw stored value. */
export function filterTextOf(raw: unknown, kind: ValueKind, formatter: ValueFormatter): string {
  return normaliseText(formatter.value(raw, kind));
}

/** The filters of a query that apply: known columns with non-blank normalised text. */
export function activeFilters<C extends { id: string }>(columns: readonly C[], filters: Readonly<Record<string, string>>): Array<{ column: C; text: string }> {
  const byId = new Map(columns.map((c) => [c.id, c]));
  return Object.entries(filters)
    .map(([id, text]) => ({ column: byId.get(id), text: normaliseText(text) }))
    .filter((f): f is { column: C; text: string } => f.column !== undefined && f.text !== '');
}

/**
 * Caches per-row derived text for one array of rows (search text, display text per column) so
 * that typing in the search box or a filter re-scans 100,000 rows without re-formatting them.
 * Create one per rows array and formatter; it never goes stale because rows are immutable.
 */
export class MemberIndex {
  readonly rows: readonly MemberRow[];
  private readonly formatter: ValueFormatter;
  private readonly columnText = new Map<string, string[]>();

  constructor(rows: readonly MemberRow[], formatter: ValueFormatter) {
    this.rows = rows;
    this.formatter = formatter;
  }

  /** Normalised "name email company" of row `i`. */
  search(i: number): string {
    const row = this.rows[i];
    return row ? memberSearchText(row) : '';
  }

  /** Normalised display text of `column` for row `i`. */
  text(column: MemberColumn, i: number): string {
    let texts = this.columnText.get(column.id);
    if (!texts) {
      texts = this.rows.map((row) => filterTextOf(column.get(row), column.kind, this.formatter));
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
  const filters = activeFilters(columns, query.filters);
  if (terms.length === 0 && filters.length === 0) return [...index.rows];
  const out: MemberRow[] = [];
  index.rows.forEach((row, i) => {
    if (terms.length > 0) {
      const haystack = index.search(i);
      if (!matchesTerms(haystack, terms)) return;
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
