import type { SortDirection } from './member-sort';
import type { ValueKind } from './value';

/**
 * Many strings sent as one: their concatenation and where each ends. Posting one long string
 * copies it in one go, where an array of 250,000 strings is serialised string by string on the
 * page's main thread.
 */
export interface PackedTexts {
  text: string;
  ends: Uint32Array;
}

/** Packs `values` (undefined as "") into one string and end offsets. */
export function packTexts(values: ReadonlyArray<string | undefined>): PackedTexts {
  const ends = new Uint32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    end += values[i]?.length ?? 0;
    ends[i] = end;
  }
  return { text: values.join(''), ends };
}

/** The strings of {@link packTexts}, in order. */
export function unpackTexts(packed: PackedTexts): string[] {
  const out = new Array<string>(packed.ends.length);
  let start = 0;
  for (let i = 0; i < packed.ends.length; i++) {
    const end = packed.ends[i]!;
    out[i] = packed.text.slice(start, end);
    start = end;
  }
  return out;
}

/** A sort request: the column (by id) and direction. */
export interface QuerySort {
  columnId: string;
  direction: SortDirection;
}

/** One member set: the rows of the page's rows array, as columns (row i of each is the same member). */
export interface MembersMessage {
  type: 'members';
  setId: number;
  ids: PackedTexts;
  names: PackedTexts;
  emails: PackedTexts;
  companies: PackedTexts;
}

/** The raw stored values of one column of a member set (what `MemberColumn.get` returns per row). */
export interface ColumnMessage {
  type: 'column';
  setId: number;
  columnId: string;
  kind: ValueKind;
  values: unknown[];
}

/**
 * A member set derived from one the worker holds (issue 10 item 3: a member joined, left or
 * changed while the panel is open), so only the difference crosses: per row of the new set its
 * row in the old one, or -1 for a row sent here (with its texts and the raw values of every column
 * the old set holds). The old set is forgotten once the new one is made.
 */
export interface DeltaMessage {
  type: 'delta';
  setId: number;
  fromSetId: number;
  /** New row → row of the old set, or -1 for a row whose data is sent here. */
  from: Int32Array;
  /** The rows sent (those with -1, in row order), as in {@link MembersMessage}. */
  ids: PackedTexts;
  names: PackedTexts;
  emails: PackedTexts;
  companies: PackedTexts;
  /** Column id → raw values of the rows sent, for each column the old set holds besides the name. */
  columns: Record<string, unknown[]>;
}

/**
 * Order and narrow a member set: sort by `sort` (the column the page resolved: the name column
 * for an unknown one, "" for none), keep rows whose search text holds every word of `search`
 * and whose column display text holds each filter's text. Newer queries supersede older ones.
 */
export interface QueryMessage {
  type: 'query';
  id: number;
  setId: number;
  sort: QuerySort;
  search: string;
  /** Column id → filter text (blank ones and unknown columns are ignored). */
  filters: Record<string, string>;
  locale: string | undefined;
  timeZone: string;
}

/** Messages the side panel sends to the member worker. */
export type ToMemberWorker = MembersMessage | DeltaMessage | ColumnMessage | QueryMessage | { type: 'forget'; setId: number };

/**
 * The member worker's answers. `result`: every row index in table order, and the indexes the
 * search and filters keep (in table order; null when nothing narrows). `superseded`: a newer
 * query came first, this one was skipped. `error`: the query failed (e.g. its set was forgotten).
 */
export type FromMemberWorker =
  | { type: 'result'; id: number; setId: number; order: Int32Array; shown: Int32Array | null }
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string };

/** The column whose values a member set already holds (the lead names), so the page never sends it. */
export const NAME_COLUMN_ID = 'name';
