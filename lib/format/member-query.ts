import { cellText, type MemberColumn, type MemberRow } from './member-columns';
import { isEmptyValue, type ValueFormatter } from './value';

/** Sort direction of the member table. */
export type SortDirection = 'asc' | 'desc';

/** Which column the table is sorted by. */
export interface MemberSort {
  columnId: string;
  direction: SortDirection;
}

/**
 * What narrows and orders the member table: the "Search members" text (name, email, company),
 * per-column filters (column id → text the cell must contain) and the sort.
 */
export interface MemberQuery {
  search: string;
  filters: Readonly<Record<string, string>>;
  sort: MemberSort;
}

/** Default sort: name, A→Z. */
export const DEFAULT_SORT: MemberSort = { columnId: 'name', direction: 'asc' };

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

type SortKey = string | number | undefined;

function sortKey(row: MemberRow, column: MemberColumn): SortKey {
  const raw = column.get(row);
  if (isEmptyValue(raw)) return undefined;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (Array.isArray(raw)) return raw.map(String).join(', ');
  return String(raw).trim();
}

/**
 * Collation ranks of text values: each distinct value is compared with the collator once
 * (CRM columns repeat values a lot), then rows compare small integers. Equal-collating values
 * share a rank.
 */
function textRanks(values: readonly string[], collator: Intl.Collator): Map<string, number> {
  const distinct = [...new Set(values)].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((value, i) => {
    if (i > 0 && collator.compare(distinct[i - 1]!, value) !== 0) rank += 1;
    ranks.set(value, rank);
  });
  return ranks;
}

/**
 * Sorts rows by `sort` (returns a new array). Text compares with a locale collator (case- and
 * accent-insensitive, digits numerically), numbers/dates/booleans numerically. Empty values go
 * last in both directions; ties keep a stable order by name, then lead id. An unknown column
 * sorts by name.
 */
export function sortMembers(
  rows: readonly MemberRow[],
  columns: readonly MemberColumn[],
  sort: MemberSort,
  locale?: string,
): MemberRow[] {
  const column = columns.find((c) => c.id === sort.columnId) ?? columns.find((c) => c.id === 'name');
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'desc' ? -1 : 1;
  const n = rows.length;

  // Primary key per row: a number (numeric value or text rank), NaN for empty.
  const keys = column ? rows.map((row) => sortKey(row, column)) : new Array<SortKey>(n).fill(undefined);
  const texts = keys.filter((k): k is string => typeof k === 'string');
  const ranks = texts.length > 0 ? textRanks(texts, collator) : undefined;
  const primary = new Float64Array(n);
  const textual = new Uint8Array(n);
  keys.forEach((key, i) => {
    if (key === undefined) primary[i] = Number.NaN;
    else if (typeof key === 'number') primary[i] = key;
    else {
      primary[i] = ranks!.get(key)!;
      textual[i] = 1;
    }
  });
  const names = rows.map((row) => row.lead.name);
  const nameRanks = textRanks(names, collator);
  const nameRank = Int32Array.from(names, (name) => nameRanks.get(name)!);

  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const ka = primary[a]!;
    const kb = primary[b]!;
    const emptyA = Number.isNaN(ka);
    const emptyB = Number.isNaN(kb);
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    if (!emptyA && ka !== kb) {
      // Numbers sort before text when a column mixes them.
      if (textual[a] !== textual[b]) return sign * (textual[a]! - textual[b]!);
      return sign * (ka - kb);
    }
    const byName = nameRank[a]! - nameRank[b]!;
    if (byName !== 0) return byName;
    const idA = rows[a]!.lead.id;
    const idB = rows[b]!.lead.id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return order.map((i) => rows[i]!);
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
