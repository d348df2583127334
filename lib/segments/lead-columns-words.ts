/**
 * The word streams of a packed lead part (lead-columns-pack.ts): tags, campaigns and custom
 * values as 32-bit words, texts as indexes into the part's `dict`, numbers in a stream apart.
 * A value word's kind is its low 3 bits: a text's word is `dict index × 8 + TEXT`, a text list's
 * `length × 8 + LIST`. An object is its key count, then per key the key's dict index and its value.
 */
const KIND = { NULL: 0, FALSE: 1, TRUE: 2, NUMBER: 3, TEXT: 4, LIST: 5, UNDEFINED: 6 } as const;

const damaged = () => new Error('a damaged packed part');

/** Writes one word stream (`text` gives a text's dict index). */
export class PackedWords {
  private readonly w: number[] = [];
  private readonly n: number[] = [];
  constructor(private readonly text: (value: string) => number) {}

  /** A plain number word (a count). */
  word(value: number): void {
    this.w.push(value);
  }

  /** A list of texts: its length, then each text. */
  list(items: readonly string[]): void {
    this.w.push(items.length);
    for (const item of items) this.w.push(this.text(item));
  }

  /** An object's own keys and values, in key order. Throws on a value the layout cannot hold. */
  object(o: object): void {
    const keys = Object.keys(o);
    this.w.push(keys.length);
    for (const key of keys) {
      this.w.push(this.text(key));
      this.value((o as Record<string, unknown>)[key]);
    }
  }

  private value(v: unknown): void {
    if (v === null) this.w.push(KIND.NULL);
    else if (v === undefined) this.w.push(KIND.UNDEFINED);
    else if (typeof v === 'boolean') this.w.push(v ? KIND.TRUE : KIND.FALSE);
    else if (typeof v === 'number') {
      this.w.push(KIND.NUMBER);
      this.n.push(v);
    } else if (typeof v === 'string') this.w.push(this.text(v) * 8 + KIND.TEXT);
    else if (Array.isArray(v) && v.every((item) => typeof item === 'string')) {
      this.w.push(v.length * 8 + KIND.LIST);
      for (const item of v as string[]) this.w.push(this.text(item));
    } else throw new Error('a lead value the packed copy cannot hold');
  }

  words(): Uint32Array {
    return Uint32Array.from(this.w);
  }

  numbers(): Float64Array {
    return Float64Array.from(this.n);
  }
}

/**
 * Reads one word stream back, throwing on anything out of place. With `build` false it only
 * checks (nothing is allocated; every read answers its `empty` or undefined).
 */
export class ValueReader {
  private w = 0;
  private n = 0;
  constructor(
    private readonly words: Uint32Array,
    private readonly numbers: Float64Array,
    private readonly dict: readonly string[],
    private readonly build: boolean,
  ) {}

  /** The next plain word (a count). */
  word(): number {
    if (this.w >= this.words.length) throw damaged();
    return this.words[this.w++] as number;
  }

  /** A list of texts (`empty` when it has none). */
  list(empty: string[]): string[] {
    const length = this.word();
    if (length === 0 || !this.build) {
      for (let k = 0; k < length; k++) this.text(this.word());
      return empty;
    }
    const items = new Array<string>(length);
    for (let k = 0; k < length; k++) items[k] = this.text(this.word());
    return items;
  }

  /** An object (`empty` when it has no keys). */
  object<T extends object>(empty: T): T {
    const size = this.word();
    if (size === 0) return empty;
    const copy: Record<string, unknown> = {};
    for (let k = 0; k < size; k++) {
      const key = this.text(this.word());
      const value = this.value();
      if (!this.build) continue;
      // An own "__proto__" key stays an own property (an assignment would set the prototype).
      if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
      else copy[key] = value;
    }
    return this.build ? (copy as T) : empty;
  }

  /** Throws unless every word and number was read. */
  end(): void {
    if (this.w !== this.words.length || this.n !== this.numbers.length) throw damaged();
  }

  private text(index: number): string {
    const text = this.dict[index];
    if (text === undefined) throw damaged();
    return text;
  }

  private value(): unknown {
    const v = this.word();
    const kind = v & 7;
    if (kind === KIND.NULL) return null;
    if (kind === KIND.UNDEFINED) return undefined;
    if (kind === KIND.FALSE || kind === KIND.TRUE) return kind === KIND.TRUE;
    if (kind === KIND.NUMBER) {
      if (this.n >= this.numbers.length) throw damaged();
      return this.numbers[this.n++];
    }
    if (kind === KIND.TEXT) return this.text((v - kind) / 8);
    if (kind === KIND.LIST) {
      const length = (v - kind) / 8;
      const items = this.build ? new Array<string>(length) : undefined;
      for (let k = 0; k < length; k++) {
        const item = this.text(this.word());
        if (items) items[k] = item;
      }
      return items;
    }
    throw damaged();
  }
}
