import type { MemberColumn, MemberRow } from '../../lib/format/member-columns';
import { MemberQueryEngine, MemberWorkerLoop } from '../../lib/format/member-query-engine';
import { NAME_COLUMN_ID, packTexts, type FromMemberWorker, type MembersMessage, type QuerySort, type ToMemberWorker } from '../../lib/format/member-query-protocol';
import { activeFilters } from '../../lib/format/member-query';
import { deltaMessage, rowsChange } from './member-delta';

/** Where the client's messages go: the member worker, or the same loop in this thread (tests, or no Worker). */
export interface MemberWorkerPort {
  post(message: ToMemberWorker, transfer: Transferable[]): void;
  /** Sets who hears answers, and failures of the worker itself (it stopped, or could not start). */
  listen(onAnswer: (answer: FromMemberWorker) => void, onFailure: (message: string) => void): void;
}

/** The member worker, a module worker bundled from member-query-worker.ts and served from the extension. */
export function workerPort(): MemberWorkerPort {
  const worker = new Worker(new URL('./member-query-worker.ts', import.meta.url), { type: 'module', name: 'member-query' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen(onAnswer, onFailure) {
      worker.onmessage = (event: MessageEvent<FromMemberWorker>) => onAnswer(event.data);
      worker.onerror = (event) => onFailure(event.message || 'The member worker stopped unexpectedly.');
    },
  };
}

/** The worker's loop run in this thread, answering on a later turn as the worker would (no transfer needed). */
export function inProcessPort(): MemberWorkerPort {
  let hear: (answer: FromMemberWorker) => void = () => undefined;
  const loop = new MemberWorkerLoop(new MemberQueryEngine(), (answer) => hear(answer));
  return {
    post: (message) => loop.receive(message),
    listen: (onAnswer) => (hear = onAnswer),
  };
}

/** What to order: the page's rows array (never changed in place) and the table's query. */
export interface MemberQueryInput {
  rows: readonly MemberRow[];
  /** Every column the table knows (filters on others are ignored, an unknown sort column sorts by name). */
  columns: readonly MemberColumn[];
  sort: QuerySort;
  search: string;
  filters: Readonly<Record<string, string>>;
  locale: string | undefined;
  timeZone: string;
}

/** Row indexes of `rows` in table order, and those the search and filters keep (null: all). */
export interface MemberOrder {
  order: Int32Array;
  shown: Int32Array | null;
}

interface SentSet {
  rows: readonly MemberRow[];
  setId: number;
  /** Columns sent besides the name, by id. */
  columns: Map<string, MemberColumn>;
}

/** The message that sends `rows` as a member set: ids, names, emails and companies packed. */
function membersMessage(rows: readonly MemberRow[], setId: number): { message: MembersMessage; transfer: Transferable[] } {
  const pack = (get: (row: MemberRow) => string | undefined) => packTexts(rows.map(get));
  const message: MembersMessage = {
    type: 'members',
    setId,
    ids: pack((r) => r.lead.id),
    names: pack((r) => r.lead.name),
    emails: pack((r) => r.lead.email),
    companies: pack((r) => r.lead.company),
  };
  return { message, transfer: [message.ids.ends.buffer, message.names.ends.buffer, message.emails.ends.buffer, message.companies.ends.buffer] };
}

/**
 * The side panel's side of the member worker (issue 10 item 3): sends each rows array once as a
 * member set (then only the columns a sort or filter needs, once each), and asks for orders. A
 * rows array that differs from the last one by a few members (one joined, left or was edited) is
 * sent as the difference, and the worker patches its order instead of sorting again.
 * Only the newest query's answer is delivered: an older one resolves `undefined` as soon as a
 * newer query is made, and its answer is dropped by request id when it comes.
 */
export class MemberQueryClient {
  private nextSetId = 1;
  private nextQueryId = 1;
  private sent: SentSet | undefined;
  private readonly waiting = new Map<number, { resolve(order: MemberOrder | undefined): void; reject(error: Error): void }>();

  constructor(private port: MemberWorkerPort) {
    this.listen();
  }

  private listen(): void {
    this.port.listen(
      (answer) => this.answer(answer),
      (message) => this.fail(message),
    );
  }

  /** Resolves with the order of `input`, or `undefined` when a newer query superseded this one. */
  query(input: MemberQueryInput): Promise<MemberOrder | undefined> {
    const set = this.setFor(input.rows);
    const sortColumn = input.columns.find((c) => c.id === input.sort.columnId) ?? input.columns.find((c) => c.id === NAME_COLUMN_ID);
    const filters = activeFilters(input.columns, input.filters);
    for (const column of [...(sortColumn ? [sortColumn] : []), ...filters.map((f) => f.column)]) this.sendColumn(set, column);
    for (const waiter of this.waiting.values()) waiter.resolve(undefined);
    this.waiting.clear();
    const id = this.nextQueryId++;
    const promise = new Promise<MemberOrder | undefined>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    const known = Object.fromEntries(filters.map((f) => [f.column.id, f.text]));
    this.port.post(
      { type: 'query', id, setId: set.setId, sort: { columnId: sortColumn?.id ?? '', direction: input.sort.direction }, search: input.search, filters: known, locale: input.locale, timeZone: input.timeZone },
      [],
    );
    return promise;
  }

  private setFor(rows: readonly MemberRow[]): SentSet {
    const previous = this.sent;
    if (previous?.rows === rows) return previous;
    const setId = this.nextSetId++;
    const change = previous && rowsChange(previous.rows, rows);
    if (previous && change) {
      const { message, transfer } = deltaMessage(rows, change, setId, previous.setId, [...previous.columns.values()]);
      this.port.post(message, transfer);
      this.sent = { rows, setId, columns: previous.columns };
      return this.sent;
    }
    if (previous) this.port.post({ type: 'forget', setId: previous.setId }, []);
    const { message, transfer } = membersMessage(rows, setId);
    this.port.post(message, transfer);
    this.sent = { rows, setId, columns: new Map() };
    return this.sent;
  }

  private sendColumn(set: SentSet, column: MemberColumn): void {
    if (column.id === NAME_COLUMN_ID || set.columns.has(column.id)) return;
    set.columns.set(column.id, column);
    this.port.post({ type: 'column', setId: set.setId, columnId: column.id, kind: column.kind, values: set.rows.map((row) => column.get(row)) }, []);
  }

  private answer(answer: FromMemberWorker): void {
    const waiter = this.waiting.get(answer.id);
    if (!waiter) return; // a stale answer: a newer query was made since
    this.waiting.delete(answer.id);
    if (answer.type === 'result') waiter.resolve({ order: answer.order, shown: answer.shown });
    else if (answer.type === 'superseded') waiter.resolve(undefined);
    else {
      this.sent = undefined; // e.g. the set was unknown there: the next query sends its rows whole
      waiter.reject(new Error(answer.message));
    }
  }

  /** The worker failed: waiting queries fail, and later ones run in this thread. */
  private fail(message: string): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error(message));
    this.waiting.clear();
    this.sent = undefined;
    this.port = inProcessPort();
    this.listen();
  }
}

let shared: MemberQueryClient | undefined;

/** The page's member query client: the member worker, or this thread where no module worker can start. */
export function memberQueryClient(): MemberQueryClient {
  if (!shared) {
    let port: MemberWorkerPort;
    try {
      port = typeof Worker === 'function' ? workerPort() : inProcessPort();
    } catch {
      port = inProcessPort();
    }
    shared = new MemberQueryClient(port);
  }
  return shared;
}
