/**
 * Tells a CSV file from everything else before the mapping step (issue 11): an image, a
 * spreadsheet workbook, a PDF or other binary data; a text without column separators; a file whose
 * rows mostly fail to parse; a header without data rows. Each problem is one plain sentence.
 */

/** Bytes read from the start of a file to recognise binary content. */
export const SNIFF_BYTES = 4096;

/** A file the import cannot use, with the sentence to show (no mapping step follows). */
export class CsvFileProblem extends Error {
  override name = 'CsvFileProblem';
}

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; kind: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  // Zip container: .xlsx, .docx, .ods… (an Excel workbook is the usual one picked by mistake).
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a spreadsheet workbook or zip archive (such as .xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Excel or Office file (such as .xls)' },
];

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/**
 * What `head` (the first bytes of a file) is when it is clearly not text — "a PNG image", "binary
 * data" — or null for text. Text in any 8-bit encoding passes: only NUL bytes or many control
 * characters mark binary data.
 */
export function binaryKind(head: Uint8Array): string | null {
  const signature = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (signature) return signature.kind;
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary data';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return head.length > 0 && controls / head.length > 0.1 ? 'binary data' : null;
}

const HOW_TO = 'Export your leads as CSV (comma-separated values) from your CRM or spreadsheet and choose that file.';

/** The sentence for a file that is `kind` ("a PNG image"). */
export function notCsvMessage(kind: string): string {
  return `This file is not a CSV file: it looks like ${kind}. ${HOW_TO}`;
}

/** What the preview found in the first rows, for {@link previewProblem}. */
export interface PreviewFacts {
  headers: readonly string[];
  rows: number;
  /** Rows (of `rows` plus the header) that papaparse could not parse. */
  malformed: number;
}

/**
 * The problem with a parsed preview, or null: one column only (no separator in the header line),
 * most rows unparsable, or no data row after the header.
 */
export function previewProblem({ headers, rows, malformed }: PreviewFacts): string | null {
  if (headers.length < 2) return `This file is not a CSV file: its first line has no commas, semicolons or tabs between column names. ${HOW_TO}`;
  if (malformed > 0 && malformed * 2 > rows + 1) {
    return `This file is not a CSV file that can be read: ${malformed.toLocaleString('en-US')} of its first ${(rows + 1).toLocaleString('en-US')} lines could not be read as CSV rows. ${HOW_TO}`;
  }
  if (rows === 0) return 'This file has a header row but no data rows: there are no leads to import.';
  return null;
}
