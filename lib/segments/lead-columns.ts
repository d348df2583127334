// Over 250 lines on purpose: the columnar copy and its row view (LeadRow) read the same columns and change together.
import type { Lead } from '../schema';

/** Text fields with few distinct values: one string instance per value (interned). */
export const INTERNED = ['crmKey', 'source', 'groupName', 'status', 'priority', 'country', 'language'] as const;
/** Text fields with mostly distinct values: kept as they are. */
export const PLAIN = ['name', 'email', 'company', 'phone'] as const;
/** Epoch-ms fields: unboxed doubles, NaN where absent. */
export const TIMES = ['createdAt', 'lastContactAt', 'crmUpdatedAt'] as const;

type Interned = (typeof INTERNED)[number];
type Plain = (typeof PLAIN)[number];
type Time = (typeof TIMES)[number];

/** The shared empty tags, campaigns and custom values of leads without any (one instance for all). */
export const EMPTY_TAGS: string[] = Object.freeze([]) as unknown as string[];
export const EMPTY_CAMPAIGNS: Lead['campaigns'] = Object.freeze([]) as unknown as Lead['campaigns'];
export const EMPTY_CUSTOM: Lead['custom'] = Object.freeze({}) as Lead['custom'];

/**
 * Every stored lead in a compact columnar form (issue 10 item 5): one array per field, repeated
 * values (status, source, country…, empty tags, campaigns and custom values) shared, dates as
 * unboxed doubles, `crmId` derived from the id. The preview scans it through one reused
 * {@link LeadRow} (no object per lead); it is updated in place as leads are written or deleted.
 * Everything but `syncedAt` is kept, so {@link LeadColumns.content} gives the stored version of a
 * lead for an unchanged-lead check without reading IndexedDB.
 */
export class LeadColumns {
  /** Row of each lead id. Rows are dense: a deletion moves the last row into the hole. */
  private readonly rowOf = new Map<string, number>();
  readonly ids: string[] = [];
  readonly interned = Object.fromEntries(INTERNED.map((key) => [key, [] as Array<string | undefined>])) as Record<Interned, Array<string | undefined>>;
  readonly plain = Object.fromEntries(PLAIN.map((key) => [key, [] as Array<string | undefined>])) as Record<Plain, Array<string | undefined>>;
  readonly times = Object.fromEntries(TIMES.map((key) => [key, [] as number[]])) as Record<Time, number[]>;
  readonly tags: string[][] = [];
  readonly campaigns: Array<Lead['campaigns']> = [];
  readonly custom: Array<Lead['custom']> = [];
  private readonly pool = new Map<string, string>();

  /** Number of leads held. */
  get size(): number {
    return this.ids.length;
  }

  /** True when a lead with this id is held. */
  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** Inserts or replaces leads (by id). */
  upsert(leads: Iterable<Lead>): void {
    for (const lead of leads) {
      let row = this.rowOf.get(lead.id);
      if (row === undefined) {
        row = this.ids.length;
        this.rowOf.set(lead.id, row);
        this.ids.push(lead.id);
      }
      this.write(row, lead);
    }
  }

  /** Removes leads by id (absent ids ignored). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const row = this.rowOf.get(id);
      if (row === undefined) continue;
      this.rowOf.delete(id);
      const last = this.ids.length - 1;
      if (row !== last) {
        const moved = this.ids[last] as string;
        this.ids[row] = moved;
        this.rowOf.set(moved, row);
        for (const column of this.columns()) column[row] = column[last];
      }
      this.ids.pop();
      for (const column of this.columns()) column.pop();
    }
  }

  /**
   * Appends rows for `ids` (none held yet) and returns the first new row: for a loader that then
   * fills every column of those rows itself, in row order (lead-columns-pack.ts).
   */
  appendIds(ids: readonly string[]): number {
    const first = this.ids.length;
    for (const id of ids) {
      this.rowOf.set(id, this.ids.length);
      this.ids.push(id);
    }
    return first;
  }

  /** The one shared instance of a repeated text (the copy interns them), for such a loader. */
  share(value: string): string {
    return this.intern(value) as string;
  }

  /** Drops every lead. */
  clear(): void {
    this.rowOf.clear();
    this.ids.length = 0;
    for (const column of this.columns()) column.length = 0;
    this.pool.clear();
  }

  /** The held version of a lead without `syncedAt` (0 there), or undefined when not held. */
  content(id: string): Lead | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    const view = new LeadRow(this);
    view.row = row;
    return view.toLead();
  }

  /** The row of each of `ids`, in their order, for {@link visitRows}; undefined when any id is not held. */
  rowsOf(ids: readonly string[]): number[] | undefined {
    const rows: number[] = new Array<number>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const row = this.rowOf.get(ids[i] as string);
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
    for (let row = 0; row < this.ids.length; row++) {
      view.row = row;
      visit(view);
    }
  }

  private columns(): unknown[][] {
    return [...Object.values(this.interned), ...Object.values(this.plain), ...Object.values(this.times), this.tags, this.campaigns, this.custom];
  }

  private intern(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    this.pool.set(value, value);
    return value;
  }

  private write(row: number, lead: Lead): void {
    for (const key of INTERNED) this.interned[key][row] = this.intern(lead[key]);
    for (const key of PLAIN) this.plain[key][row] = lead[key];
    for (const key of TIMES) this.times[key][row] = lead[key] ?? Number.NaN;
    this.tags[row] = lead.tags.length === 0 ? EMPTY_TAGS : lead.tags.map((tag) => this.intern(tag) as string);
    this.campaigns[row] = lead.campaigns.length === 0 ? EMPTY_CAMPAIGNS : lead.campaigns.map((entry) => this.campaign(entry));
    this.custom[row] = this.customValues(lead.custom);
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

const time = (value: number | undefined): number | undefined => (value === undefined || Number.isNaN(value) ? undefined : value);

/**
 * One row of {@link LeadColumns} read as a lead (the fields a compiled rule set reads are getters
 * over the columns). Reused while scanning: copy what must outlive the visit (`toLead`).
 */
export class LeadRow {
  row = 0;
  constructor(private readonly c: LeadColumns) {}
  get id(): string {
    return this.c.ids[this.row] as string;
  }
  get crmKey(): string {
    return this.c.interned.crmKey[this.row] as string;
  }
  get crmId(): string {
    return this.id.slice(this.crmKey.length + 1);
  }
  get name(): string {
    return this.c.plain.name[this.row] as string;
  }
  get email(): string | undefined {
    return this.c.plain.email[this.row];
  }
  get company(): string | undefined {
    return this.c.plain.company[this.row];
  }
  get phone(): string | undefined {
    return this.c.plain.phone[this.row];
  }
  get source(): string | undefined {
    return this.c.interned.source[this.row];
  }
  get groupName(): string | undefined {
    return this.c.interned.groupName[this.row];
  }
  get status(): string | undefined {
    return this.c.interned.status[this.row];
  }
  get priority(): string | undefined {
    return this.c.interned.priority[this.row];
  }
  get country(): string | undefined {
    return this.c.interned.country[this.row];
  }
  get language(): string | undefined {
    return this.c.interned.language[this.row];
  }
  get tags(): string[] {
    return this.c.tags[this.row] as string[];
  }
  get createdAt(): number | undefined {
    return time(this.c.times.createdAt[this.row]);
  }
  get lastContactAt(): number | undefined {
    return time(this.c.times.lastContactAt[this.row]);
  }
  get crmUpdatedAt(): number | undefined {
    return time(this.c.times.crmUpdatedAt[this.row]);
  }
  get campaigns(): Lead['campaigns'] {
    return this.c.campaigns[this.row] as Lead['campaigns'];
  }
  get custom(): Lead['custom'] {
    return this.c.custom[this.row] as Lead['custom'];
  }

  /** This row as the engine reads a lead (the getters above; `syncedAt` is not kept). */
  asLead(): Lead {
    return this as unknown as Lead;
  }

  /** A plain copy of this row (absent fields left out, `syncedAt` 0). */
  toLead(): Lead {
    const lead: Record<string, unknown> = { id: this.id, crmKey: this.crmKey, crmId: this.crmId, name: this.name };
    for (const key of ['email', 'company', 'phone', 'source', 'groupName', 'status', 'priority', 'country', 'language'] as const) {
      const value = this[key];
      if (value !== undefined) lead[key] = value;
    }
    lead.tags = [...this.tags];
    for (const key of TIMES) {
      const value = this[key];
      if (value !== undefined) lead[key] = value;
    }
    lead.campaigns = this.campaigns;
    lead.custom = this.custom;
    lead.syncedAt = 0;
    return lead as Lead;
  }
}
