import type { Lead } from '../schema/lead';
import { streamCsv } from './csv-stream';
import type { ImportPlan } from './plan';
import { createRowConverter } from './row-converter';
import { binaryKind, CsvFileProblem, notCsvMessage, previewProblem, SNIFF_BYTES } from './file-check';
import { formatCount } from '../format/number';

/** A row left out of the import, by its spreadsheet row number (the header is row 1). */
export interface SkippedRow {
  row: number;
  reason: string;
}

/** Leads converted from a run of rows, ready for `ingestLeads`. */
export interface ConvertedBatch {
  leads: Lead[];
  /** Row number of each lead, by lead id (to name rows the background skips). */
  rows: Record<string, number>;
  skipped: SkippedRow[];
  /** Data rows read so far (blank lines not counted) and bytes of the file consumed so far. */
  rowsRead: number;
  bytesRead: number;
}

/** Values of one column that could not be read and were stored empty. */
export interface UnreadableColumn {
  header: string;
  count: number;
  /** The first few, with their row numbers. */
  examples: Array<{ row: number; value: string }>;
}

/** The first rows of a file, for the preview and the mapping suggestion. */
export interface CsvPreview {
  headers: string[];
  rows: string[][];
  /** Rows of the preview papaparse could not read (an unclosed quote swallows the rest of the file into one); absent when none. */
  malformed?: number;
}

const isBlank = (record: readonly string[]): boolean => record.every((cell) => cell.trim() === '');
const EXAMPLES_PER_COLUMN = 3;

/**
 * Reads the header and up to `maxRows` non-blank rows. Throws a {@link CsvFileProblem} (one plain
 * sentence) when the file is not a CSV file (binary content, no column separator, mostly
 * unparsable), is empty, or has a header but no data rows.
 */
export async function previewCsvFile(file: Blob, maxRows: number): Promise<CsvPreview> {
  const kind = binaryKind(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind) throw new CsvFileProblem(notCsvMessage(kind));
  let headers: string[] | undefined;
  const rows: string[][] = [];
  let malformed = 0;
  await streamCsv(
    file,
    ({ records, malformed: bad }) => {
      for (const [index, record] of records.entries()) {
        if (isBlank(record)) continue;
        if (headers && rows.length >= maxRows) break;
        if (bad.has(index)) malformed++;
        if (!headers) headers = record.map((h) => h.trim());
        else rows.push(record);
      }
    },
    () => rows.length >= maxRows,
  );
  if (!headers) throw new CsvFileProblem('This file is empty: it has no header row and no data rows.');
  const problem = previewProblem({ headers, rows: rows.length, malformed });
  if (problem) throw new CsvFileProblem(problem);
  return malformed > 0 ? { headers, rows, malformed } : { headers, rows };
}

/**
 * Why a row papaparse found malformed is skipped, in words. An unclosed quote swallows the lines
 * after it into this row (papaparse reads on to the next quote or the end of the file): the reason
 * says how many, so no row goes missing from the report silently.
 */
export function malformedRowReason(problem: string, record: readonly string[]): string {
  if (!/unterminated|missing.*quote/i.test(problem)) return `could not be read as CSV (${problem})`;
  // The break that ends the file (or this row) is not a line swallowed.
  const text = record.join(',').replace(/(\r\n|\n|\r)$/, '');
  const lines = text.match(/\r\n|\n|\r/g)?.length ?? 0;
  return lines === 0
    ? 'has a quote (") that is never closed'
    : `has a quote (") that is never closed, so the ${formatCount(lines, 'line', 'lines')} after it ${lines === 1 ? 'was' : 'were'} read into this row and skipped with it`;
}

/**
 * Converts a whole CSV file with `plan`, streaming: every `batchSize` leads (and at the end) the
 * batch is handed to `onBatch` and awaited before reading on. The header row must be the one the
 * plan was made for. Rows papaparse finds malformed are skipped with its reason. Returns the rows
 * read and the unreadable values per column.
 */
export async function convertCsvFile(
  file: Blob,
  plan: ImportPlan,
  onBatch: (batch: ConvertedBatch) => Promise<void>,
  options: { batchSize: number; shouldStop?: () => boolean },
): Promise<{ rowsRead: number; unreadable: UnreadableColumn[] }> {
  const expected = [...plan.mapping.columns].sort((a, b) => a.index - b.index).map((c) => c.header);
  const unreadable = new Map<number, UnreadableColumn>();
  let convert: ReturnType<typeof createRowConverter> | undefined;
  let recordNumber = 0;
  let rowsRead = 0;
  let batch: ConvertedBatch = { leads: [], rows: {}, skipped: [], rowsRead: 0, bytesRead: 0 };
  const flush = async (bytesRead: number) => {
    const full = { ...batch, rowsRead, bytesRead };
    batch = { leads: [], rows: {}, skipped: [], rowsRead, bytesRead };
    await onBatch(full);
  };
  const shouldStop = options.shouldStop ?? (() => false);

  await streamCsv(
    file,
    async ({ records, malformed, bytesRead }) => {
      for (const [i, record] of records.entries()) {
        recordNumber++;
        if (!convert) {
          if (isBlank(record)) continue;
          const headers = record.map((h) => h.trim());
          if (headers.length !== expected.length || headers.some((h, j) => h !== expected[j])) {
            throw new Error('The file\'s columns are not the ones the mapping was made for. Choose the file again.');
          }
          convert = createRowConverter(plan, headers.length);
          continue;
        }
        if (isBlank(record)) continue;
        rowsRead++;
        const problem = malformed.get(i);
        if (problem) {
          batch.skipped.push({ row: recordNumber, reason: malformedRowReason(problem, record) });
          continue;
        }
        const outcome = convert(record, recordNumber);
        if (outcome.kind === 'skip') {
          batch.skipped.push({ row: recordNumber, reason: outcome.reason });
          continue;
        }
        batch.leads.push(outcome.lead);
        batch.rows[outcome.lead.id] = recordNumber;
        for (const index of outcome.unreadable) {
          const header = expected[index] ?? `column ${index + 1}`;
          const tally = unreadable.get(index) ?? { header, count: 0, examples: [] };
          tally.count++;
          if (tally.examples.length < EXAMPLES_PER_COLUMN) tally.examples.push({ row: recordNumber, value: record[index] ?? '' });
          unreadable.set(index, tally);
        }
        if (batch.leads.length >= options.batchSize) await flush(bytesRead);
      }
    },
    shouldStop,
  ).then(async (bytesRead) => {
    if (!shouldStop()) await flush(bytesRead);
  });
  if (!convert) throw new Error('The file is empty: it has no header row.');
  return { rowsRead, unreadable: [...unreadable.values()] };
}
