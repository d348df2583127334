import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, buildCsv, csvFileName, neutraliseCell, slugify } from './csv';

describe('neutraliseCell (docs/semantics.md §9)', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+2', "'+1+2"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', "'\r=1+2"],
    ['-5', "'-5"],
    ['=1\n2', "'=1\n2"],
  ])('prefixes %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each([
    ['\uFF1DHYPERLINK("http://evil","x")'],
    ['\uFF0B1+2'],
    ['\uFF0D2+3'],
    ['\uFF20SUM(A1:A2)'],
    ['\uFF5Ccmd'],
    ['\u2212 5'],
    ['\uFE66cmd'],
    ['\uFE62cmd'],
    ['\uFE63cmd'],
    ['\uFE6Bcmd'],
    ['\u207A1'],
    ['\u208A1'],
    ['\u207C1'],
    ['\u2795 1'],
  ])('prefixes the look-alike formula start %j (issue 9)', (input) => {
    expect(neutraliseCell(input)).toBe(`'${input}`);
  });

  it('neutralises look-alikes in every cell of a member or audience export', () => {
    const csv = buildCsv(['\uFF1DHeader'], [['\uFF20x'], ['\uFF0B1']]);
    expect(Papa.parse<string[]>(csv.slice(BOM.length)).data.slice(0, 3)).toEqual([["'\uFF1DHeader"], ["'\uFF20x"], ["'\uFF0B1"]]);
  });

  it.each(['Ada Lovelace', 'ada@example.com', 'a=b', 'x-y', ' =1', '', "'quoted", '5', 'Ünïcode', '日本語', '\uFF21cme', '\u00B1 tolerance'])('keeps safe text %j', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it('keeps numbers (including negative ones) as numbers and drops non-finite ones', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(1234.5)).toBe(1234.5);
    expect(neutraliseCell(Number.NaN)).toBe('');
  });
});

describe('buildCsv', () => {
  const csv = buildCsv(
    ['Name', 'Score', '=Label'],
    [
      ['Ada, Countess', -5, '=cmd'],
      ['Zoë "Z" Ünal', 3, '@x'],
    ],
  );

  it('starts with a UTF-8 BOM and a header row, CRLF line ends', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe("Name,Score,'=Label");
    expect(csv.slice(1).split('\r\n')).toHaveLength(3);
  });

  it('round-trips through a CSV parser with neutralised cells', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['Name', 'Score', "'=Label"],
      ['Ada, Countess', '-5', "'=cmd"],
      ['Zoë "Z" Ünal', '3', "'@x"],
    ]);
  });

  it('writes only the header for no rows', () => {
    expect(buildCsv(['Name', 'Email'], [])).toBe(`${BOM}Name,Email`);
  });
});

describe('slugify / csvFileName', () => {
  it('keeps letters and digits of any script, lower-cased', () => {
    expect(slugify('Hot leads — India 2024')).toBe('hot-leads-india-2024');
    expect(slugify('Müller & Söhne')).toBe('müller-söhne');
    expect(slugify('顧客 A')).toBe('顧客-a');
  });

  it('removes path separators, dots and control characters', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('a\\b:c*?"<>|\u0000d')).toBe('a-b-c-d');
    expect(slugify('...')).toBe('segment');
    expect(slugify('')).toBe('segment');
  });

  it('limits the length', () => {
    expect(slugify('x'.repeat(200))).toHaveLength(60);
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('names the file {segment-name}-{YYYY-MM-DD}.csv with the day in the user time zone', () => {
    const lateEveningUtc = Date.UTC(2024, 2, 5, 23, 30);
    expect(csvFileName('Hot leads', lateEveningUtc, 'America/New_York')).toBe('hot-leads-2024-03-05.csv');
    expect(csvFileName('Hot leads', lateEveningUtc, 'Asia/Tokyo')).toBe('hot-leads-2024-03-06.csv');
  });
});
