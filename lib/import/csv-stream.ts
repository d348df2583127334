import Papa from 'papaparse';

/** Bytes read per step when streaming a file (the decoder keeps multi-byte characters whole). */
const READ_CHUNK_BYTES = 512 * 1024;

/** One step of a streamed CSV: the complete records parsed so far in this step. */
export interface CsvStep {
  /** Records in file order; blank lines are kept as `[""]` so record numbers stay right. */
  records: string[][];
  /** Indexes (in `records`) of records papaparse found malformed (e.g. an unclosed quote). */
  malformed: Map<number, string>;
  /** Bytes of the file consumed so far. */
  bytesRead: number;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Papaparse's delimiter and line ending guessed from the start of the text. When papaparse cannot
 * tell (a header-only file has one line to compare), the separator most used in the first line.
 */
function guessDialect(sample: string): { delimiter: string; newline: string } {
  const meta = Papa.parse(sample, { preview: 20 }).meta;
  const firstLine = sample.split(/\r\n|\n|\r/, 1)[0] ?? '';
  let delimiter = meta.delimiter || ',';
  if (!firstLine.includes(delimiter)) {
    const counts = DELIMITERS.map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
    if (counts[0] && counts[0][1] > 0) delimiter = counts[0][0];
  }
  return { delimiter, newline: meta.linebreak || '\n' };
}

/**
 * Streams a CSV file (any `Blob`) record by record with papaparse's parser: bytes are decoded as
 * UTF-8 in steps, each step's complete records are handed to `onStep` (awaited: back-pressure),
 * and a record cut by a step boundary is carried to the next step. `shouldStop` is checked between
 * steps (Cancel, or "enough rows for a preview"). Resolves with the number of bytes read.
 */
export async function streamCsv(file: Blob, onStep: (step: CsvStep) => Promise<void> | void, shouldStop: () => boolean = () => false): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  let dialect: { delimiter: string; newline: string } | undefined;
  let partial = '';
  let base = 0;
  let offset = 0;
  const parse = (text: string, last: boolean): CsvStep => {
    dialect ??= guessDialect(text);
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline as '\n', quoteChar: '"' });
    const result = parser.parse(text, base, !last) as Papa.ParseResult<string[]>;
    const malformed = new Map<number, string>();
    for (const error of result.errors) if (typeof error.row === 'number') malformed.set(error.row, error.message);
    partial = last ? '' : text.substring(result.meta.cursor - base);
    base = result.meta.cursor;
    return { records: result.data, malformed, bytesRead: offset };
  };
  while (offset < file.size && !shouldStop()) {
    const bytes = new Uint8Array(await file.slice(offset, offset + READ_CHUNK_BYTES).arrayBuffer());
    offset += bytes.length;
    let text = partial + decoder.decode(bytes, { stream: offset < file.size });
    if (base === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    await onStep(parse(text, offset >= file.size));
  }
  if (partial !== '' && !shouldStop()) await onStep(parse(partial, true));
  return offset;
}
