import type { Lead } from '../schema';
import { EMPTY_CAMPAIGNS, EMPTY_CUSTOM, EMPTY_TAGS, INTERNED, PLAIN, TIMES, type ColumnName, type LeadColumns, type TextColumn } from './lead-columns';
import { PackedWords, ValueReader } from './lead-columns-words';

/** Version of the packed layout below: a stored snapshot of another version is never read. */
export const PACKED_FORMAT = 2;

/** Rows per packed part: a few records for 250,000 leads, each read and decoded on its own. */
export const PACKED_PART_ROWS = 25_000;

/** The text columns kept joined: the ids, then the PLAIN columns. */
const TEXTS = ['ids', ...PLAIN] as const;

/**
 * Consecutive rows of a {@link LeadColumns} in a form IndexedDB stores and reads back as a few
 * large values (issue 10: the lead copy's snapshot; one string per text column, not one per lead,
 * so reading it is a copy of bytes): typed arrays for the repeated texts (indexes into `dict`),
 * the dates, and the tags, campaigns and custom values (word streams, their numbers apart).
 */
export interface PackedRows {
  count: number;
  /** The ids, then each PLAIN column: every row's text joined (an absent one adds nothing). */
  texts: string[];
  /** Where each row's text ends in its column's string, column by column (`texts.length` × `count`). */
  ends: Uint32Array;
  /** PLAIN column by column: 1 where the row has a text ("" included), 0 where absent. */
  present: Uint8Array;
  /** The repeated texts of these rows (interned columns, tags, campaign texts, custom keys and texts). */
  dict: string[];
  /** INTERNED column by column: `dict` index + 1, 0 where absent. */
  codes: Uint32Array;
  /** TIMES column by column, NaN where absent. */
  times: Float64Array;
  /** Per row: its tags; its campaigns; its custom values (lead-columns-words.ts), each with its numbers apart. */
  tagWords: Uint32Array;
  campaignWords: Uint32Array;
  campaignNumbers: Float64Array;
  customWords: Uint32Array;
  customNumbers: Float64Array;
}

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
  const ends = new Uint32Array(TEXTS.length * count);
  const present = new Uint8Array(PLAIN.length * count);
  const texts = TEXTS.map((key, k) => {
    const column = key === 'ids' ? columns.ids : columns.plain[key];
    const parts: string[] = [];
    let end = 0;
    for (let i = 0; i < count; i++) {
      const value = column[from + i];
      if (value !== undefined) {
        parts.push(value);
        end += value.length;
        if (k > 0) present[(k - 1) * count + i] = 1;
      }
      ends[k * count + i] = end;
    }
    return parts.join('');
  });
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
  const tags = new PackedWords(text);
  const campaigns = new PackedWords(text);
  const custom = new PackedWords(text);
  for (let row = from; row < to; row++) {
    tags.list(columns.tags[row] as string[]);
    const entries = columns.campaigns[row] as Lead['campaigns'];
    campaigns.word(entries.length);
    for (const entry of entries) campaigns.object(entry);
    custom.object(columns.custom[row] as Lead['custom']);
  }
  return {
    count,
    texts,
    ends,
    present,
    dict,
    codes,
    times,
    tagWords: tags.words(),
    campaignWords: campaigns.words(),
    campaignNumbers: campaigns.numbers(),
    customWords: custom.words(),
    customNumbers: custom.numbers(),
  };
}

/** Splits `columns` into packed parts of {@link PACKED_PART_ROWS} rows, one at a time (each built when asked for). */
export function* packedParts(columns: LeadColumns, partRows = PACKED_PART_ROWS): Generator<PackedRows> {
  for (let from = 0; from < columns.size; from += partRows) yield packRows(columns, from, Math.min(columns.size, from + partRows));
}

const damaged = () => new Error('a damaged packed part');

/** True when `part` has the layout of {@link PackedRows} (a stored record is checked before it is read). */
function isPackedRows(part: unknown): part is PackedRows {
  const p = part as Partial<PackedRows> | null;
  if (typeof p !== 'object' || p === null || !Number.isInteger(p.count)) return false;
  const count = p.count as number;
  return (
    Array.isArray(p.texts) &&
    p.texts.length === TEXTS.length &&
    p.texts.every((t) => typeof t === 'string') &&
    p.ends instanceof Uint32Array &&
    p.ends.length === TEXTS.length * count &&
    p.present instanceof Uint8Array &&
    p.present.length === PLAIN.length * count &&
    Array.isArray(p.dict) &&
    p.dict.every((t) => typeof t === 'string') &&
    p.codes instanceof Uint32Array &&
    p.codes.length === INTERNED.length * count &&
    p.times instanceof Float64Array &&
    p.times.length === TIMES.length * count &&
    [p.tagWords, p.campaignWords, p.customWords].every((w) => w instanceof Uint32Array) &&
    [p.campaignNumbers, p.customNumbers].every((n) => n instanceof Float64Array)
  );
}

/** Throws unless every offset, code and word of `part` reads back (so that decoding it later cannot fail). */
function checkPart(part: PackedRows): void {
  const { count, texts, ends, codes, dict } = part;
  texts.forEach((joined, k) => {
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = ends[k * count + i] as number;
      if (end < start || (k > 0 && part.present[(k - 1) * count + i] === 0 && end !== start)) throw damaged();
      start = end;
    }
    if (start !== joined.length) throw damaged();
  });
  for (const code of codes) if (code > dict.length) throw damaged();
  const tags = new ValueReader(part.tagWords, new Float64Array(0), dict, false);
  const campaigns = new ValueReader(part.campaignWords, part.campaignNumbers, dict, false);
  const custom = new ValueReader(part.customWords, part.customNumbers, dict, false);
  for (let i = 0; i < count; i++) {
    tags.list(EMPTY_TAGS);
    for (let n = campaigns.word(); n > 0; n--) campaigns.object({});
    custom.object(EMPTY_CUSTOM);
  }
  for (const reader of [tags, campaigns, custom]) reader.end();
}

/** Text cell `index` of column `key` of a checked `part`. */
function decodeText(part: PackedRows, key: TextColumn, index: number): string | undefined {
  const k = (TEXTS as readonly string[]).indexOf(key);
  const at = k * part.count + index;
  if (k > 0 && part.present[(k - 1) * part.count + index] === 0) return undefined;
  return (part.texts[k] as string).slice(index === 0 ? 0 : (part.ends[at - 1] as number), part.ends[at] as number);
}

/** Column `key` of a checked `part` (its repeated texts from `dict`, already shared). */
function decodeColumn(part: PackedRows, dict: readonly string[], key: ColumnName): ArrayLike<unknown> {
  const { count } = part;
  const textColumn = (TEXTS as readonly string[]).indexOf(key);
  if (textColumn >= 0) {
    const joined = part.texts[textColumn] as string;
    const values = new Array<string | undefined>(count);
    for (let i = 0, start = 0; i < count; i++) {
      const end = part.ends[textColumn * count + i] as number;
      values[i] = textColumn > 0 && part.present[(textColumn - 1) * count + i] === 0 ? undefined : joined.slice(start, end);
      start = end;
    }
    return values;
  }
  const interned = (INTERNED as readonly string[]).indexOf(key);
  if (interned >= 0) {
    const values = new Array<string | undefined>(count);
    for (let i = 0; i < count; i++) {
      const code = part.codes[interned * count + i] as number;
      values[i] = code === 0 ? undefined : dict[code - 1];
    }
    return values;
  }
  const time = (TIMES as readonly string[]).indexOf(key);
  if (time >= 0) return part.times.subarray(time * count, (time + 1) * count);
  const values = new Array<unknown>(count);
  if (key === 'tags') {
    const reader = new ValueReader(part.tagWords, new Float64Array(0), dict, true);
    for (let i = 0; i < count; i++) values[i] = reader.list(EMPTY_TAGS);
  } else if (key === 'campaigns') {
    const reader = new ValueReader(part.campaignWords, part.campaignNumbers, dict, true);
    for (let i = 0; i < count; i++) {
      const n = reader.word();
      values[i] = n === 0 ? EMPTY_CAMPAIGNS : Array.from({ length: n }, () => reader.object({} as Lead['campaigns'][number]));
    }
  } else {
    const reader = new ValueReader(part.customWords, part.customNumbers, dict, true);
    for (let i = 0; i < count; i++) values[i] = reader.object(EMPTY_CUSTOM);
  }
  return values;
}

/**
 * Appends the rows of a packed part (from {@link packRows}) to `columns`, none of whose ids it
 * holds yet, exactly as they were (repeated texts shared through the copy's own pool). The part is
 * checked whole now and decoded column by column when a column is first read (a first preview
 * decodes only what its rules read). Throws when the part is damaged (nothing appended).
 */
export function unpackRows(columns: LeadColumns, part: unknown): void {
  if (!isPackedRows(part)) throw damaged();
  checkPart(part);
  const dict = part.dict.map((entry) => columns.share(entry));
  columns.appendLazy(part.count, { column: (key) => decodeColumn(part, dict, key), text: (key, index) => decodeText(part, key, index) });
}
