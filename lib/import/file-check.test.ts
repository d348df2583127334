import { describe, expect, it } from 'vitest';
import { malformedRowReason, previewCsvFile } from './convert-file';
import { binaryKind, CsvFileProblem, previewProblem } from './file-check';

const bytes = (...values: number[]) => new Blob([new Uint8Array(values)]);
const text = (content: string) => new Blob([content]);
const problem = async (file: Blob) => {
  const error = await previewCsvFile(file, 100).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvFileProblem);
  return (error as Error).message;
};

describe('telling a CSV file from other files', () => {
  it('names images, workbooks and binary data as not CSV, before any mapping', async () => {
    expect(await problem(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe(
      'This file is not a CSV file: it looks like a PNG image. Export your leads as CSV (comma-separated values) from your CRM or spreadsheet and choose that file.',
    );
    expect(await problem(bytes(0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0))).toMatch(/^This file is not a CSV file: it looks like a spreadsheet workbook or zip archive \(such as \.xlsx\)\./);
    expect(await problem(bytes(0x41, 0x42, 0x00, 0x43))).toMatch(/it looks like binary data\./);
    expect(binaryKind(new Uint8Array([0x01, 0x02, 0x03, 0x41]))).toBe('binary data');
  });

  it('passes text in any 8-bit encoding (a Windows-1252 export with é)', async () => {
    expect(binaryKind(new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x2c, 0x43, 0x69, 0x74, 0xe9, 0x0d, 0x0a]))).toBeNull();
    expect(await previewCsvFile(text('Name,City\r\nAna,Pune\r\n'), 100)).toEqual({ headers: ['Name', 'City'], rows: [['Ana', 'Pune']] });
  });

  it('counts the preview rows that cannot be read, such as an unclosed quote that runs into the next lines', async () => {
    const preview = await previewCsvFile(text('Name,Email,Score\n"unterminated,foo@x.com,5\nok,ok@x.com,abc\n'), 100);
    expect(preview.malformed).toBe(1);
    expect(preview.rows).toHaveLength(1);
  });

  it('refuses text without column separators, an empty file and a header without data rows', async () => {
    expect(await problem(text('Dear customer\nthank you for your order\n'))).toMatch(/^This file is not a CSV file: its first line has no commas, semicolons or tabs between column names\./);
    expect(await problem(text(''))).toBe('This file is empty: it has no header row and no data rows.');
    expect(await problem(text('Name;Email;Status\r\n\r\n'))).toBe('This file has a header row but no data rows: there are no leads to import.');
  });

  it('refuses a file whose lines mostly cannot be read as CSV rows', () => {
    expect(previewProblem({ headers: ['a', 'b'], rows: 3, malformed: 3 })).toMatch(/^This file is not a CSV file that can be read: 3 of its first 4 lines could not be read as CSV rows\./);
    expect(previewProblem({ headers: ['a', 'b'], rows: 9, malformed: 1 })).toBeNull();
  });
});

describe('rows papaparse finds malformed', () => {
  it('says how many lines an unclosed quote swallowed into its row', () => {
    expect(malformedRowReason('Quoted field unterminated', ['1', 'x\n2,y\n3,z\n'])).toBe(
      'has a quote (") that is never closed, so the 2 lines after it were read into this row and skipped with it',
    );
    expect(malformedRowReason('Quoted field unterminated', ['1', 'x\n2,y\n3,z'])).toBe(
      'has a quote (") that is never closed, so the 2 lines after it were read into this row and skipped with it',
    );
    expect(malformedRowReason('Quoted field unterminated', ['1', 'x\r\n2,y'])).toBe('has a quote (") that is never closed, so the 1 line after it was read into this row and skipped with it');
    expect(malformedRowReason('Quoted field unterminated', ['1', 'x'])).toBe('has a quote (") that is never closed');
    expect(malformedRowReason('Trailing quote on quoted field is malformed', ['1'])).toBe('could not be read as CSV (Trailing quote on quoted field is malformed)');
  });
});
