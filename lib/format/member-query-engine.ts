import type { ColumnMessage, DeltaMessage, FromMemberWorker, MembersMessage, QueryMessage, ToMemberWorker } from './member-query-protocol';
import { NAME_COLUMN_ID, unpackTexts } from './member-query-protocol';
import { activeFilters, filterTextOf, matchesTerms, searchTerms, searchTextOf } from './member-query';
import { carryOver, patchOrder, rowComparator, type RowsDelta } from './member-order-patch';
import { MemberSorter, memberCollator, sortKeyOf, type SortKey } from './member-sort';
import { createFormatter, type ValueFormatter, type ValueKind } from './value';

interface SetColumn {
  kind: ValueKind;
  values: readonly unknown[];
  keys?: SortKey[];
  /** Normalised display text per formatter (locale and time zone). */
  texts: Map<string, string[]>;
}

/** An order answered for a set, by sort (`column|direction|collation`). */
interface KnownOrder {
  sort: string;
  order: Int32Array;
}

/** One member set held by the engine, with what was derived from it so far (sets never change). */
class MemberSet {
  readonly sorter: MemberSorter;
  readonly columns = new Map<string, SetColumn>();
  private searchTexts: string[] | undefined;
  /** The last order answered (a copy: the answer's own buffer goes to the page). */
  lastOrder: KnownOrder | undefined;
  /** For a set derived from another, until its first order: that set's last order and the difference. */
  seed: (KnownOrder & { delta: RowsDelta }) | undefined;

  constructor(
    ids: string[],
    names: string[],
    readonly emails: string[],
    readonly companies: string[],
  ) {
    this.sorter = new MemberSorter(ids, names);
    this.columns.set(NAME_COLUMN_ID, { kind: 'text', values: names, texts: new Map() });
  }

  /** Normalised search text per row, computed on the first search. */
  search(): string[] {
    const { names } = this.sorter;
    this.searchTexts ??= names.map((name, i) => searchTextOf(name, this.emails[i], this.companies[i]));
    return this.searchTexts;
  }

  keys(columnId: string): SortKey[] {
    const column = this.columns.get(columnId);
    if (!column) return new Array<SortKey>(this.sorter.ids.length).fill(undefined);
    column.keys ??= column.values.map(sortKeyOf);
    return column.keys;
  }

  /**
   * The set `message` derives from this one: kept rows' data and everything computed from it
   * (sort keys, search and filter texts) carried over, computed only for the rows sent.
   */
  derive(message: DeltaMessage, formatterOf: (formatKey: string) => ValueFormatter | undefined): MemberSet {
    const { from } = message;
    const delta: RowsDelta = { from, previousLength: this.sorter.ids.length };
    const slot = new Int32Array(from.length);
    for (let row = 0, next = 0; row < from.length; row++) if (from[row]! < 0) slot[row] = next++;
    const pick = <T>(previous: readonly T[], sent: readonly T[]) => carryOver(previous, delta, (row) => sent[slot[row]!]!);
    const set = new MemberSet(
      pick(this.sorter.ids, unpackTexts(message.ids)),
      pick(this.sorter.names, unpackTexts(message.names)),
      pick(this.emails, unpackTexts(message.emails)),
      pick(this.companies, unpackTexts(message.companies)),
    );
    const { names } = set.sorter;
    if (this.searchTexts) set.searchTexts = carryOver(this.searchTexts, delta, (row) => searchTextOf(names[row]!, set.emails[row], set.companies[row]));
    for (const [id, column] of this.columns) {
      const values = id === NAME_COLUMN_ID ? names : pick(column.values, message.columns[id] ?? []);
      const derived: SetColumn = { kind: column.kind, values, texts: new Map() };
      if (column.keys) derived.keys = carryOver(column.keys, delta, (row) => sortKeyOf(values[row]));
      for (const [formatKey, texts] of column.texts) {
        const formatter = formatterOf(formatKey);
        if (formatter) derived.texts.set(formatKey, carryOver(texts, delta, (row) => filterTextOf(values[row], column.kind, formatter)));
      }
      set.columns.set(id, derived);
    }
    if (this.lastOrder) set.seed = { ...this.lastOrder, delta };
    return set;
  }

  /**
   * Row indexes in table order by `columnId` and `direction`: the order patched from the set this
   * one derives from when that was ordered the same way, else a full sort. Remembered for the next set.
   */
  order(columnId: string, direction: 'asc' | 'desc', locale: string | undefined): Int32Array {
    const collator = memberCollator(locale);
    const sort = `${columnId}|${direction}|${collator.resolvedOptions().locale}`;
    const keys = this.keys(columnId);
    const order =
      this.seed?.sort === sort
        ? patchOrder(this.seed.order, this.seed.delta, rowComparator(keys, this.sorter.ids, this.sorter.names, direction, collator))
        : this.sorter.order(keys, columnId, direction, locale);
    this.seed = undefined;
    this.lastOrder = { sort, order: order.slice() };
    return order;
  }

  filterTexts(columnId: string, formatter: ValueFormatter, formatKey: string): string[] {
    const column = this.columns.get(columnId)!;
    let texts = column.texts.get(formatKey);
    if (!texts) column.texts.set(formatKey, (texts = column.values.map((raw) => filterTextOf(raw, column.kind, formatter))));
    return texts;
  }
}

/**
 * The member worker's logic, free of any Worker API (issue 10 item 3): holds member sets sent by
 * the side panel as compact columns and answers queries with row orders — sorted by the same
 * {@link MemberSorter} the page uses, searched and filtered with the same text rules as
 * `filterMembers` — so both give identical orders.
 */
export class MemberQueryEngine {
  private readonly sets = new Map<number, MemberSet>();
  private readonly formatters = new Map<string, ValueFormatter>();

  /** Takes a member set, one derived from a held set (which is forgotten), a column of one, or forgets a set. */
  apply(message: MembersMessage | DeltaMessage | ColumnMessage | { type: 'forget'; setId: number }): void {
    if (message.type === 'members') {
      const set = new MemberSet(unpackTexts(message.ids), unpackTexts(message.names), unpackTexts(message.emails), unpackTexts(message.companies));
      this.sets.set(message.setId, set);
    } else if (message.type === 'delta') {
      const previous = this.sets.get(message.fromSetId);
      this.sets.delete(message.fromSetId);
      // Without the previous set the new one stays unknown: its queries answer an error, and the page sends it whole.
      if (previous) this.sets.set(message.setId, previous.derive(message, (formatKey) => this.formatters.get(formatKey)));
    } else if (message.type === 'column') {
      this.sets.get(message.setId)?.columns.set(message.columnId, { kind: message.kind, values: message.values, texts: new Map() });
    } else {
      this.sets.delete(message.setId);
    }
  }

  /** Prepares the search text of set `setId` ahead of the first search (no-op for a forgotten set). */
  warm(setId: number): void {
    this.sets.get(setId)?.search();
  }

  /** Member sets held (ids). */
  setIds(): number[] {
    return [...this.sets.keys()];
  }

  /** Answers a query: the order of every row and the rows kept by the search and filters. */
  query(q: QueryMessage): FromMemberWorker {
    const set = this.sets.get(q.setId);
    if (!set) return { type: 'error', id: q.id, message: `member set ${q.setId} is not loaded` };
    const order = set.order(q.sort.columnId, q.sort.direction, q.locale);
    const terms = searchTerms(q.search);
    const filters = activeFilters([...set.columns.keys()].map((id) => ({ id })), q.filters);
    if (terms.length === 0 && filters.length === 0) return { type: 'result', id: q.id, setId: q.setId, order, shown: null };
    const search = terms.length > 0 ? set.search() : undefined;
    const formatKey = `${q.locale ?? ''}|${q.timeZone}`;
    let formatter = this.formatters.get(formatKey);
    if (!formatter && filters.length > 0) this.formatters.set(formatKey, (formatter = createFormatter({ locale: q.locale, timeZone: q.timeZone })));
    const filterTexts = filters.map((f) => ({ texts: set.filterTexts(f.column.id, formatter!, formatKey), text: f.text }));
    const kept: number[] = [];
    for (const row of order) {
      if (search && !matchesTerms(search[row]!, terms)) continue;
      if (filterTexts.every((f) => f.texts[row]!.includes(f.text))) kept.push(row);
    }
    return { type: 'result', id: q.id, setId: q.setId, order, shown: Int32Array.from(kept) };
  }
}

/** Buffers to transfer with an answer (its index arrays), so posting it copies nothing. */
export function answerTransfer(answer: FromMemberWorker): ArrayBuffer[] {
  if (answer.type !== 'result') return [];
  return [answer.order.buffer as ArrayBuffer, ...(answer.shown ? [answer.shown.buffer as ArrayBuffer] : [])];
}

/**
 * The worker's message loop, free of any Worker API: data messages apply at once; a query waits
 * for the next turn (`schedule`), and when several arrived meanwhile only the newest runs — the
 * others are answered "superseded" (the page drops stale answers by id anyway; this spares the
 * work).
 */
export class MemberWorkerLoop {
  private pending: QueryMessage | undefined;
  private scheduled = false;

  constructor(
    private readonly engine: MemberQueryEngine,
    private readonly post: (answer: FromMemberWorker) => void,
    private readonly schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
  ) {}

  /** Takes one message from the page. */
  receive(message: ToMemberWorker): void {
    if (message.type !== 'query') {
      this.engine.apply(message);
      // A new set's search text is prepared on the next turn, so the first keystroke only scans.
      if (message.type === 'members' || message.type === 'delta') this.schedule(() => this.engine.warm(message.setId));
      return;
    }
    if (this.pending) this.post({ type: 'superseded', id: this.pending.id });
    this.pending = message;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const query = this.pending;
      this.pending = undefined;
      if (!query) return;
      let answer: FromMemberWorker;
      try {
        answer = this.engine.query(query);
      } catch (error) {
        answer = { type: 'error', id: query.id, message: error instanceof Error ? error.message : String(error) };
      }
      this.post(answer);
    });
  }
}
