import type { Lead } from '../schema';
import { EMPTY_CAMPAIGNS, EMPTY_CUSTOM, EMPTY_TAGS, INTERNED, PLAIN, TIMES, type LeadColumns } from './lead-columns';

/** Version of the packed layout below: a stored snapshot of another version is never read. */
export const PACKED_FORMAT = 1;

/** Rows per packed part: a few records for 250,000 leads, each read and decoded on its own. */
export const PACKED_PART_ROWS = 25_000;

/**
 * Consecutive rows of a {@link LeadColumns} in a form IndexedDB stores and reads back as few,
 * cheap objects (issue 10: the lead copy's snapshot): typed arrays for the repeated texts (indexes
 * into `dict`), the dates, and the tags, campaigns and custom values (a word stream, its numbers
 * apart); plain arrays for the ids and the mostly distinct texts.
 */
export interface PackedRows {
  count: number;
  ids: string[];
  /** One array per PLAIN column, `count` each. */
  plain: Array<Array<string | undefined>>;
  /** The repeated texts of these rows (interned columns, tags, campaign texts, custom keys and texts). */
  dict: string[];
  /** INTERNED column by column: `dict` index + 1, 0 where absent. */
  codes: Uint32Array;
  /** TIMES column by column, NaN where absent. */
  times: Float64Array;
  /** Per row: tags, campaigns, custom values (see `KIND`). */
  words: Uint32Array;
  /** The numbers of `words`, in order. */
  numbers: Float64Array;
}

/** Kinds of a value word: the low 3 bits; a text's word is `dict index × 8 + TEXT`, a text list's `length × 8 + LIST`. */
const KIND = { NULL: 0, FALSE: 1, TRUE: 2, NUMBER: 3, TEXT: 4, LIST: 5, UNDEFINED: 6 } as const;

/** Packs rows `from` (inclusive) to `to` (exclusive) of `columns`. Throws on a value the layout cannot hold. */
export function packRows(columns: LeadColumns, from: number, to: number): PackedRows {
  const count = to - from;
  const dictIndex = new Map<string, number>();
  const dict: string[] = [];
  const text = (value: string): number => {
    let index = dictIndex.get(value);
    if (index === undefined) dictIndex.set(value, (index = dict.push(value) - 1));
    return index;
  };
  const words: number[] = [];
  const numbers: number[] = [];
  const value = (v: unknown) => {
    if (v === null) words.push(KIND.NULL);
    else if (v === undefined) words.push(KIND.UNDEFINED);
    else if (typeof v === 'boolean') words.push(v ? KIND.TRUE : KIND.FALSE);
    else if (typeof v === 'number') {
      words.push(KIND.NUMBER);
      numbers.push(v);
    }
    else if (typeof v === 'string') words.push(text(v) * 8 + KIND.TEXT);
    else if (Array.isArray(v) && v.every((item) => typeof item === 'string')) {
      words.push(v.length * 8 + KIND.LIST);
      for (const item of v as string[]) words.push(text(item));
    } else throw new Error('a lead value the packed copy cannot hold');
  };
  const object = (o: object) => {
    const keys = Object.keys(o);
    words.push(keys.length);
    for (const key of keys) {
      words.push(text(key));
      value((o as Record<string, unknown>)[key]);
    }
  };

  const codes = new Uint32Array(INTERNED.length * count);
  INTERNED.forEach((key, k) => {
    const column = columns.interned[key];
    for (let i = 0; i < count; i++) {
      const v = column[from + i];
      codes[k * count + i] = v === undefined ? 0 : text(v) + 1;
    }
  });
  const times = new Float64Array(TIMES.length * count);
  TIMES.forEach((key, k) => times.set(columns.times[key].slice(from, to), k * count));
  for (let row = from; row < to; row++) {
    const tags = columns.tags[row] as string[];
    words.push(tags.length);
    for (const tag of tags) words.push(text(tag));
    const campaigns = columns.campaigns[row] as Lead['campaigns'];
    words.push(campaigns.length);
    for (const entry of campaigns) object(entry);
    object(columns.custom[row] as Lead['custom']);
  }
  return {
    count,
    ids: columns.ids.slice(from, to),
    plain: PLAIN.map((key) => columns.plain[key].slice(from, to)),
    dict,
    codes,
    times,
    words: Uint32Array.from(words),
    numbers: Float64Array.from(numbers),
  };
}

/** Splits `columns` into packed parts of {@link PACKED_PART_ROWS} rows, one at a time (each built when asked for). */
export function* packedParts(columns: LeadColumns, partRows = PACKED_PART_ROWS): Generator<PackedRows> {
  for (let from = 0; from < columns.size; from += partRows) yield packRows(columns, from, Math.min(columns.size, from + partRows));
}

/** True when `part` has the layout of {@link PackedRows} (a stored record is checked before it is read). */
function isPackedRows(part: unknown): part is PackedRows {
  const p = part as Partial<PackedRows> | null;
  if (typeof p !== 'object' || p === null || !Number.isInteger(p.count)) return false;
  const count = p.count as number;
  return (
    Array.isArray(p.ids) &&
    p.ids.length === count &&
    Array.isArray(p.plain) &&
    p.plain.length === PLAIN.length &&
    p.plain.every((column) => Array.isArray(column) && column.length === count) &&
    Array.isArray(p.dict) &&
    p.codes instanceof Uint32Array &&
    p.codes.length === INTERNED.length * count &&
    p.times instanceof Float64Array &&
    p.times.length === TIMES.length * count &&
    p.words instanceof Uint32Array &&
    p.numbers instanceof Float64Array
  );
}

/**
 * Appends the rows of a packed part (from {@link packRows}) to `columns`, none of whose ids it
 * holds yet, exactly as they were (repeated texts shared through the copy's own pool). Throws
 * when the part is damaged; the copy is then partly filled and must be cleared.
 */
export function unpackRows(columns: LeadColumns, part: unknown): void {
  if (!isPackedRows(part)) throw new Error('a damaged packed part');
  const { count } = part;
  const dict = part.dict.map((entry) => columns.share(String(entry)));
  const text = (index: number): string => {
    if (index >= dict.length) throw new Error('a damaged packed part');
    return dict[index] as string;
  };
  const { words, numbers } = part;
  let w = 0;
  let n = 0;
  const word = (): number => {
    if (w >= words.length) throw new Error('a damaged packed part');
    return words[w++] as number;
  };
  const value = (): unknown => {
    const v = word();
    const kind = v & 7;
    if (kind === KIND.NULL) return null;
    if (kind === KIND.UNDEFINED) return undefined;
    if (kind === KIND.FALSE || kind === KIND.TRUE) return kind === KIND.TRUE;
    if (kind === KIND.NUMBER) return numbers[n++];
    if (kind === KIND.TEXT) return text((v - kind) / 8);
    if (kind === KIND.LIST) return Array.from({ length: (v - kind) / 8 }, () => text(word()));
    throw new Error('a damaged packed part');
  };
  const object = <T extends object>(empty: T): T => {
    const size = word();
    if (size === 0) return empty;
    const copy: Record<string, unknown> = {};
    for (let k = 0; k < size; k++) {
      const key = text(word());
      // An own "__proto__" key stays an own property (an assignment would set the prototype).
      if (key === '__proto__') Object.defineProperty(copy, key, { value: value(), enumerable: true, writable: true, configurable: true });
      else copy[key] = value();
    }
    return copy as T;
  };

  const first = columns.appendIds(part.ids);
  INTERNED.forEach((key, k) => {
    const column = columns.interned[key];
    for (let i = 0; i < count; i++) {
      const code = part.codes[k * count + i] as number;
      column[first + i] = code === 0 ? undefined : text(code - 1);
    }
  });
  PLAIN.forEach((key, k) => {
    const column = columns.plain[key];
    const stored = part.plain[k] as Array<string | undefined>;
    for (let i = 0; i < count; i++) column[first + i] = stored[i];
  });
  TIMES.forEach((key, k) => {
    const column = columns.times[key];
    for (let i = 0; i < count; i++) column[first + i] = part.times[k * count + i] as number;
  });
  for (let i = 0; i < count; i++) {
    const tagCount = word();
    columns.tags[first + i] = tagCount === 0 ? EMPTY_TAGS : Array.from({ length: tagCount }, () => text(word()));
    const campaignCount = word();
    columns.campaigns[first + i] = campaignCount === 0 ? EMPTY_CAMPAIGNS : Array.from({ length: campaignCount }, () => object({} as Lead['campaigns'][number]));
    columns.custom[first + i] = object(EMPTY_CUSTOM);
  }
  if (w !== words.length || n !== numbers.length) throw new Error('a damaged packed part');
}
