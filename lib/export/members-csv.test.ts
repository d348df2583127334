import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { memberColumns, pickColumns } from '../format/member-columns';
import { testLead } from '../format/test-leads';
import { BOM } from './csv';
import { memberEmails, membersCsv } from './members-csv';

const columns = pickColumns(memberColumns([{ key: 'score', label: 'Score', type: 'number' }]), ['name', 'email', 'custom.score', 'lastContactAt']);
const rows = [
  { lead: testLead('1', { name: '=Evil()', email: 'E@x.io', custom: { score: -3 }, lastContactAt: Date.UTC(2024, 2, 5, 23, 30) }) },
  { lead: testLead('2', { name: 'Bob', email: 'e@X.io' }) },
  { lead: testLead('3', { name: 'Cy', email: ' cy@y.io ' }) },
  { lead: testLead('4', { name: 'Di' }) },
];

describe('membersCsv', () => {
  it('writes the header and exactly one line per row with the chosen columns', () => {
    const csv = membersCsv(rows, columns, 'Asia/Tokyo');
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1)).data;
    expect(parsed).toEqual([
      ['Name', 'Email', 'Score', 'Last contact'],
      ["'=Evil()", 'E@x.io', '-3', '2024-03-06'],
      ['Bob', 'e@X.io', '', ''],
      ['Cy', ' cy@y.io ', '', ''],
      ['Di', '', '', ''],
    ]);
  });
});

describe('memberEmails', () => {
  it('lists distinct non-empty emails in row order', () => {
    expect(memberEmails(rows)).toEqual(['E@x.io', 'cy@y.io']);
  });
});
