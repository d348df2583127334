import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MemberColumn, MemberRow } from '../../lib/format/member-columns';
import { filterMembers, MemberIndex, sortMembers, type MemberSort } from '../../lib/format/member-query';
import type { ValueFormatter } from '../../lib/format/value';
import { memberQueryClient, type MemberOrder } from './member-query-client';
import { OrderedRows, rowsArray, type MemberRows } from './member-rows';

/**
 * Up to this many members are ordered on the page itself, within the render (a few
 * milliseconds); more go to the member worker, so sorting or searching 250,000 members never
 * freezes the panel (issue 10 item 3).
 */
export const IN_THREAD_LIMIT = 2000;

/** Rows as the table shows them, and for which rows array and query they were ordered. */
interface Ordered {
  rows: readonly MemberRow[];
  key: string;
  sorted: MemberRows;
  shown: MemberRows;
  /** Creation order: of two results, the later one is shown. */
  seq: number;
}

/** What {@link useMemberOrder} shows. */
export interface MemberOrderState {
  /**
   * Every row, in table order, read row by row: for a large list, the member worker's order
   * itself (no array of rows is built on the main thread for a new order, issue 10 item 3).
   */
  sortedRows: MemberRows;
  /** The rows the search and filters keep, in table order, read row by row. */
  shownRows: MemberRows;
  /** {@link sortedRows} as an array, built when first read (exports, tests). */
  readonly sorted: readonly MemberRow[];
  /** {@link shownRows} as an array, built when first read. */
  readonly shown: readonly MemberRow[];
  /** The query the rows shown were ordered for (changes when a new order is on screen). */
  queryKey: string;
  /**
   * What is under way while the previous order stays on screen: a new sort, a new search or
   * filter, or the order of a changed member list ("update").
   */
  pending: 'sort' | 'search' | 'update' | undefined;
}

let seq = 0;
const NO_ROWS: readonly MemberRow[] = [];

function inThread(rows: readonly MemberRow[], columns: readonly MemberColumn[], sort: MemberSort, search: string, filters: Record<string, string>, formatter: ValueFormatter, key: string): Ordered {
  const sorted = sortMembers(rows, columns, sort, formatter.context.locale);
  const shown = filterMembers(new MemberIndex(sorted, formatter), columns, { search, filters });
  return { rows, key, sorted, shown, seq: ++seq };
}

/** The worker's answer as rows read through its index arrays: O(1) here, whatever the list's size. */
function fromOrder(rows: readonly MemberRow[], { order, shown }: MemberOrder, key: string): Ordered {
  const sorted = new OrderedRows(rows, order);
  return { rows, key, sorted, shown: shown ? new OrderedRows(rows, shown) : sorted, seq: ++seq };
}

/**
 * `rows` sorted by `sort` and narrowed by `search` and `filters`: in the render for up to
 * {@link IN_THREAD_LIMIT} rows, else by the member worker, while the previous order stays on
 * screen (and scrollable) with `pending` saying what runs. Answers to older queries are dropped.
 */
export function useMemberOrder(
  rows: readonly MemberRow[] | undefined,
  columns: readonly MemberColumn[],
  sort: MemberSort,
  search: string,
  filters: Record<string, string>,
  formatter: ValueFormatter,
): MemberOrderState {
  const sortKey = `${sort.columnId}:${sort.direction}`;
  const key = `${sortKey}|${search}|${JSON.stringify(filters)}`;
  const list = rows ?? NO_ROWS;
  const small = list.length <= IN_THREAD_LIMIT;
  const here = useMemo(
    () => (small ? inThread(list, columns, sort, search, filters, formatter, key) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [small, list, columns, key, formatter],
  );
  const [answer, setAnswer] = useState<Ordered | undefined>(undefined);
  const last = useRef<Ordered | undefined>(undefined);

  useEffect(() => {
    if (small) return;
    let live = true;
    const { locale, timeZone } = formatter.context;
    memberQueryClient()
      .query({ rows: list, columns, sort, search, filters, locale, timeZone })
      .then(
        (order) => live && order && setAnswer(fromOrder(list, order, key)),
        // The worker failed: this order is made here (later ones run on the page's own copy of the worker's loop).
        () => live && setAnswer(inThread(list, columns, sort, search, filters, formatter, key)),
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [small, list, columns, key, formatter]);

  let onScreen: Ordered;
  if (here) onScreen = here;
  else if (answer && answer.seq > (last.current?.seq ?? 0)) onScreen = answer;
  else onScreen = last.current ?? { rows: list, key: '', sorted: list, shown: list, seq: 0 };
  last.current = onScreen;
  let pending: MemberOrderState['pending'];
  if (onScreen.key !== key) pending = onScreen.key.startsWith(`${sortKey}|`) ? 'search' : 'sort';
  else if (onScreen.rows !== list) pending = 'update';
  const { sorted, shown } = onScreen;
  return {
    sortedRows: sorted,
    shownRows: shown,
    get sorted() {
      return rowsArray(sorted);
    },
    get shown() {
      return rowsArray(shown);
    },
    queryKey: onScreen.key,
    pending,
  };
}
