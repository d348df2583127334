import type { ColumnMessage, FromMemberWorker, MembersMessage, QueryMessage, ToMemberWorker } from './member-query-protocol';
import { NAME_COLUMN_ID, unpackTexts } from './member-query-protocol';
import { activeFilters, filterTextOf, matchesTerms, searchTerms, searchTextOf } from './member-query';
import { MemberSorter, sortKeyOf, type SortKey } from './member-sort';
import { createFormatter, type ValueFormatter, type ValueKind } from './value';

interface SetColumn {
  kind: ValueKind;
  values: readonly unknown[];
  keys?: SortKey[];
  /** Normalised display text per formatter (locale and time zone). */
  texts: Map<string, string[]>;
}

/** One member set held by the engine, with what was derived from it so far (sets never change). */
class MemberSet {
  readonly sorter: MemberSorter;
  readonly columns = new Map<string, SetColumn>();
  private searchTexts: string[] | undefined;

  constructor(
    ids: string[],
    names: string[],
    private readonly emails: string[],
    private readonly companies: string[],
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

  /** Takes a member set, a column of one, or forgets a set. */
  apply(message: MembersMessage | ColumnMessage | { type: 'forget'; setId: number }): void {
    if (message.type === 'members') {
      const set = new MemberSet(unpackTexts(message.ids), unpackTexts(message.names), unpackTexts(message.emails), unpackTexts(message.companies));
      this.sets.set(message.setId, set);
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
    const order = set.sorter.order(set.keys(q.sort.columnId), q.sort.columnId, q.sort.direction, q.locale);
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
      if (message.type === 'members') this.schedule(() => this.engine.warm(message.setId));
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
