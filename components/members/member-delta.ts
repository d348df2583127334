import type { MemberColumn, MemberRow } from '../../lib/format/member-columns';
import { packTexts, type DeltaMessage } from '../../lib/format/member-query-protocol';

/**
 * Above this share of changed rows a new rows array is sent to the member worker whole: placing
 * many rows one by one costs more than sorting them all again.
 */
export const DELTA_SHARE = 0.1;

/** Rows of `next` that are new (joined, or their lead changed), and where every other one was in `previous`. */
export interface RowsChange {
  /** Row of `next` → row of `previous` (the same row object), or -1 for a new row. */
  from: Int32Array;
  /** Rows of `next` with -1, ascending. */
  fresh: number[];
}

/**
 * What changed from `previous` to `next` (issue 10 item 3: a member joined, left, or its lead was
 * edited). Both are in lead-id order, as the member store lists them, so one walk over both
 * matches rows by object identity (kept) or lead id (changed). Undefined when more than
 * {@link DELTA_SHARE} of `next` is new (send it whole). The walk is exact whatever the order:
 * out of order, rows are merely reported new.
 */
export function rowsChange(previous: readonly MemberRow[], next: readonly MemberRow[]): RowsChange | undefined {
  const from = new Int32Array(next.length);
  const fresh: number[] = [];
  const limit = Math.max(1, Math.floor(next.length * DELTA_SHARE));
  let p = 0;
  for (let row = 0; row < next.length; row++) {
    const current = next[row]!;
    // Rows of `previous` before this one's lead id left the list.
    while (p < previous.length && previous[p] !== current && previous[p]!.lead.id < current.lead.id) p++;
    if (previous[p] === current) {
      from[row] = p++;
      continue;
    }
    if (previous[p]?.lead.id === current.lead.id) p++; // the same member, its row changed
    from[row] = -1;
    fresh.push(row);
    if (fresh.length > limit) return undefined;
  }
  return { from, fresh };
}

/**
 * The message deriving set `setId` (the rows of `next`) from set `fromSetId` (the rows of
 * `previous`): the new rows' texts and their values of `columns` (every column the worker
 * holds for the old set besides the name).
 */
export function deltaMessage(next: readonly MemberRow[], change: RowsChange, setId: number, fromSetId: number, columns: readonly MemberColumn[]): { message: DeltaMessage; transfer: Transferable[] } {
  const rows = change.fresh.map((row) => next[row]!);
  const pack = (get: (row: MemberRow) => string | undefined) => packTexts(rows.map(get));
  const message: DeltaMessage = {
    type: 'delta',
    setId,
    fromSetId,
    from: change.from,
    ids: pack((r) => r.lead.id),
    names: pack((r) => r.lead.name),
    emails: pack((r) => r.lead.email),
    companies: pack((r) => r.lead.company),
    columns: Object.fromEntries(columns.map((column) => [column.id, rows.map((row) => column.get(row))])),
  };
  return { message, transfer: [message.from.buffer as ArrayBuffer, message.ids.ends.buffer, message.names.ends.buffer, message.emails.ends.buffer, message.companies.ends.buffer] };
}
