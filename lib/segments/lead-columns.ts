import type { Lead } from '../schema';
import { COLUMNS, EMPTY_CAMPAIGNS, EMPTY_CUSTOM, EMPTY_TAGS, INTERNED, PLAIN, TIMES, type ColumnName, type Interned, type Plain, type Time } from './lead-fields';
import { LeadRow } from './lead-row';

export { COLUMNS, EMPTY_CAMPAIGNS, EMPTY_CUSTOM, EMPTY_TAGS, INTERNED, PLAIN, TIMES, type ColumnName } from './lead-fields';

/** A text column: its cells can be read one by one before it is decoded ({@link LeadColumns.text}). */
export type TextColumn = 'ids' | Plain;

/** How a loader gives undecoded rows: a whole column, or one text cell (index within these rows). */
export interface RowDecoder {
  column(column: ColumnName): ArrayLike<unknown>;
  text(column: TextColumn, index: number): string | undefined;
}

/** Rows appended undecoded (a snapshot part), from row `first`; `decoded`: columns already decoded. */
type LazyRows = { first: number; decoder: RowDecoder; decoded: Set<ColumnName> };

/** An object whose properties are the named columns, each read through `column` (so an undecoded one is decoded first). */
function columnsView<K extends ColumnName, T>(keys: readonly K[], column: (key: K) => T[]): Record<K, T[]> {
  const view = {} as Record<K, T[]>;
  for (const key of keys) Object.defineProperty(view, key, { get: () => column(key), enumerable: true });
  return view;
}

/**
 * Every stored lead in a compact columnar form (issue 10 item 5): one array per field, repeated
 * values (status, source, country…, empty tags, campaigns and custom values) shared, dates as
 * unboxed doubles, `crmId` derived from the id. The preview scans it through one reused
 * {@link LeadRow} (no object per lead); it is updated in place as leads are written or deleted.
 * Everything but `syncedAt` is kept, so {@link LeadColumns.content} gives the stored version of a
 * lead for an unchanged-lead check without reading IndexedDB. Rows loaded from a snapshot
 * ({@link appendLazy}) are decoded column by column when a column is first read, so the first
 * preview after the worker starts decodes only the columns its rules read.
 */
export class LeadColumns {
  private readonly data = Object.fromEntries(COLUMNS.map((key) => [key, [] as unknown[]])) as Record<ColumnName, unknown[]>;
  /** Columns some of whose rows are still undecoded (in `lazy`). */
  private readonly undecoded = new Set<ColumnName>();
  private lazy: LazyRows[] = [];
  private length = 0;
  /** Row of each lead id, built when first needed. Rows are dense: a deletion moves the last row into the hole. */
  private rowIndex: Map<string, number> | undefined = new Map();
  readonly interned = columnsView<Interned, string | undefined>(INTERNED, (key) => this.column(key));
  readonly plain = columnsView<Plain, string | undefined>(PLAIN, (key) => this.column(key));
  readonly times = columnsView<Time, number>(TIMES, (key) => this.column(key));
  private readonly pool = new Map<string, string>();

  get ids(): string[] {
    return this.column('ids');
  }
  get tags(): string[][] {
    return this.column('tags');
  }
  get campaigns(): Array<Lead['campaigns']> {
    return this.column('campaigns');
  }
  get custom(): Array<Lead['custom']> {
    return this.column('custom');
  }

  /** Number of leads held. */
  get size(): number {
    return this.length;
  }

  /** True when a lead with this id is held. */
  has(id: string): boolean {
    return this.rowOf().has(id);
  }

  /** Inserts or replaces leads (by id). */
  upsert(leads: Iterable<Lead>): void {
    this.decodeAll();
    const rowOf = this.rowOf();
    for (const lead of leads) {
      let row = rowOf.get(lead.id);
      if (row === undefined) {
        row = this.length++;
        rowOf.set(lead.id, row);
        this.data.ids.push(lead.id);
      }
      this.write(row, lead);
    }
  }

  /** Removes leads by id (absent ids ignored). */
  remove(ids: Iterable<string>): void {
    this.decodeAll();
    const rowOf = this.rowOf();
    const columns = Object.values(this.data);
    for (const id of ids) {
      const row = rowOf.get(id);
      if (row === undefined) continue;
      rowOf.delete(id);
      const last = this.length - 1;
      if (row !== last) {
        rowOf.set(this.data.ids[last] as string, row);
        for (const column of columns) column[row] = column[last];
      }
      for (const column of columns) column.pop();
      this.length--;
    }
  }

  /**
   * Appends `count` rows (none of whose ids are held yet) without decoding them: `decoder.column`
   * is called once per column, when that column is first read, and must give its `count` values;
   * `decoder.text` gives single text cells meanwhile (for a snapshot's loader, lead-columns-pack.ts).
   */
  appendLazy(count: number, decoder: RowDecoder): void {
    if (count === 0) return;
    this.lazy.push({ first: this.length, decoder, decoded: new Set() });
    this.length += count;
    for (const key of COLUMNS) this.undecoded.add(key);
    this.rowIndex = undefined;
  }

  /** The one shared instance of a repeated text (the copy interns them), for such a loader. */
  share(value: string): string {
    return this.intern(value) as string;
  }

  /** Drops every lead. */
  clear(): void {
    this.lazy = [];
    this.undecoded.clear();
    this.rowIndex = new Map();
    this.length = 0;
    for (const column of Object.values(this.data)) column.length = 0;
    this.pool.clear();
  }

  /** The held version of a lead without `syncedAt` (0 there), or undefined when not held. */
  content(id: string): Lead | undefined {
    const row = this.rowOf().get(id);
    if (row === undefined) return undefined;
    const view = new LeadRow(this);
    view.row = row;
    return view.toLead();
  }

  /** The row of each of `ids`, in their order, for {@link visitRows}; undefined when any id is not held. */
  rowsOf(ids: readonly string[]): number[] | undefined {
    const rowOf = this.rowOf();
    const rows: number[] = new Array<number>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const row = rowOf.get(ids[i] as string);
      if (row === undefined) return undefined;
      rows[i] = row;
    }
    return rows;
  }

  /** Calls `visit` with one reused row view for each of `rows` (from {@link rowsOf}; index = position in `rows`). */
  visitRows(rows: readonly number[], visit: (row: LeadRow, index: number) => void): void {
    const view = new LeadRow(this);
    for (let i = 0; i < rows.length; i++) {
      view.row = rows[i] as number;
      visit(view, i);
    }
  }

  /** Calls `visit` with one reused row view per held lead (in row order, not id order). */
  scan(visit: (row: LeadRow) => void): void {
    const view = new LeadRow(this);
    for (let row = 0; row < this.length; row++) {
      view.row = row;
      visit(view);
    }
  }

  /**
   * One text cell. While its column is undecoded, the cell alone is read from its part (a preview's
   * ids and sample read a few texts without decoding 250,000 of them); the same text either way.
   */
  text(key: TextColumn, row: number): string | undefined {
    if (this.undecoded.size === 0 || !this.undecoded.has(key)) return this.data[key][row] as string | undefined;
    const { lazy } = this;
    if (row < (lazy[0] as LazyRows).first) return this.data[key][row] as string | undefined;
    let lo = 0;
    for (let hi = lazy.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if ((lazy[mid] as LazyRows).first <= row) lo = mid;
      else hi = mid - 1;
    }
    const part = lazy[lo] as LazyRows;
    return part.decoded.has(key) ? (this.data[key][row] as string | undefined) : part.decoder.text(key, row - part.first);
  }

  /** A column, its undecoded rows decoded first. */
  private column<T>(key: ColumnName): T[] {
    if (this.undecoded.size !== 0 && this.undecoded.has(key)) {
      const column = this.data[key];
      for (const { first, decoder, decoded } of this.lazy) {
        if (decoded.has(key)) continue;
        decoded.add(key);
        const values = decoder.column(key);
        for (let i = 0; i < values.length; i++) column[first + i] = values[i];
      }
      this.undecoded.delete(key);
      if (this.undecoded.size === 0) this.lazy = [];
    }
    return this.data[key] as T[];
  }

  private decodeAll(): void {
    for (const key of COLUMNS) this.column(key);
  }

  private rowOf(): Map<string, number> {
    if (this.rowIndex) return this.rowIndex;
    const ids = this.ids;
    const rowOf = new Map<string, number>();
    for (let row = 0; row < ids.length; row++) rowOf.set(ids[row] as string, row);
    return (this.rowIndex = rowOf);
  }

  private intern(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    this.pool.set(value, value);
    return value;
  }

  private write(row: number, lead: Lead): void {
    const { data } = this;
    for (const key of INTERNED) data[key][row] = this.intern(lead[key]);
    for (const key of PLAIN) data[key][row] = lead[key];
    for (const key of TIMES) data[key][row] = lead[key] ?? Number.NaN;
    data.tags[row] = lead.tags.length === 0 ? EMPTY_TAGS : lead.tags.map((tag) => this.intern(tag) as string);
    data.campaigns[row] = lead.campaigns.length === 0 ? EMPTY_CAMPAIGNS : lead.campaigns.map((entry) => this.campaign(entry));
    data.custom[row] = this.customValues(lead.custom);
  }

  /** A campaign entry with its repeated texts shared (the same keys, in the same order). */
  private campaign(entry: Lead['campaigns'][number]): Lead['campaigns'][number] {
    const copy = { ...entry, campaignId: this.intern(entry.campaignId) as string };
    if (entry.response !== undefined) copy.response = this.intern(entry.response) as typeof entry.response;
    return copy;
  }

  /** Custom values with their texts shared (select values repeat across leads). */
  private customValues(custom: Lead['custom']): Lead['custom'] {
    const keys = Object.keys(custom);
    if (keys.length === 0) return EMPTY_CUSTOM;
    const copy: Lead['custom'] = {};
    for (const key of keys) {
      const value = custom[key];
      const shared = typeof value === 'string' ? this.intern(value) : Array.isArray(value) ? value.map((item) => this.intern(item) as string) : value;
      // An own "__proto__" key stays an own property (an assignment would set the prototype).
      if (key === '__proto__') Object.defineProperty(copy, key, { value: shared, enumerable: true, writable: true, configurable: true });
      else copy[this.intern(key) as string] = shared as Lead['custom'][string];
    }
    return copy;
  }
}

export { LeadRow } from './lead-row';
