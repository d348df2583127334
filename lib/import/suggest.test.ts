import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_LEADS_CSV, readLeadsCsvText } from '../../demo/data/dataset';
import { suggestMapping } from './suggest';

/** The real exports shipped in the repository (demo/data/README.md). */
const EXPORTS: Record<string, string> = {
  'other/zoho-crm-export-Leads.csv': resolve(import.meta.dirname, '../../demo/data/zoho-crm-export-Leads.csv.gz'),
  'other/marketstar-Leads.csv': resolve(import.meta.dirname, '../../demo/data/marketstar-Leads.csv.gz'),
  'leads/Leads.csv': DEMO_LEADS_CSV,
};
/** The header and first 1,000 rows of a real export (what the worker's preview gives the page). */
function head(path: string): { headers: string[]; rows: string[][] } {
  const text = readLeadsCsvText(EXPORTS[path]);
  const parsed = Papa.parse<string[]>(text, { preview: 1001, skipEmptyLines: 'greedy' });
  const [headers, ...rows] = parsed.data;
  return { headers: headers as string[], rows };
}
const targets = (mapping: ReturnType<typeof suggestMapping>) => Object.fromEntries(mapping.columns.map((c) => [c.header, c.target]));

describe('suggestMapping on the real exports', () => {
  it('maps Zoho columns, recognises its date format and picks LEADID as the key', () => {
    const { headers, rows } = head('other/zoho-crm-export-Leads.csv');
    const mapping = suggestMapping(headers, rows, []);
    expect(headers[mapping.keyColumn]).toBe('LEADID');
    expect(targets(mapping)).toMatchObject({
      LEADID: 'skip',
      'Last Name': 'name',
      Company: 'company',
      'Lead Owner': 'new',
      Email: 'email',
      Mobile: 'phone',
      'Lead Source': 'source',
      'Lead Status': 'status',
      'Created Time': 'createdAt',
      CONVERTED: 'new',
    });
    const created = mapping.columns.find((c) => c.header === 'Created Time');
    expect(created?.dateFormat).toBe('dd MMM, yyyy HH:mm:ss');
    expect(mapping.columns.find((c) => c.header === 'Lead Owner')?.newField).toEqual({ key: 'owner', label: 'Lead Owner', type: 'select' });
    expect(mapping.columns.find((c) => c.header === 'CONVERTED')?.newField?.type).toBe('boolean');
  });

  it('maps marketstar (yyyymmdd, Stage → status) and Leads.csv (existing custom fields win)', () => {
    const market = head('other/marketstar-Leads.csv');
    const m = suggestMapping(market.headers, market.rows, []);
    expect(market.headers[m.keyColumn]).toBe('LeadId');
    expect(targets(m)).toMatchObject({ Stage: 'status', CreatedDate: 'createdAt', LeadSource: 'source', Employees: 'new', OwnerEmployeeId: 'new' });
    expect(m.columns.find((c) => c.header === 'CreatedDate')?.dateFormat).toBe('yyyymmdd');
    expect(m.columns.find((c) => c.header === 'Employees')?.newField?.type).toBe('number');

    const leads = head('leads/Leads.csv');
    const l = suggestMapping(leads.headers, leads.rows, [{ key: 'city', label: 'City', type: 'select' }]);
    expect(leads.headers[l.keyColumn]).toBe('Prospect ID');
    expect(targets(l)).toMatchObject({ 'Lead Source': 'source', 'Lead Origin': 'groupName', Country: 'country', Tags: 'tags', 'Lead Quality': 'priority', City: 'custom.city' });
    expect(l.columns.find((c) => c.header === 'TotalVisits')?.newField).toEqual({ key: 'totalvisits', label: 'TotalVisits', type: 'number' });
    expect(l.columns.find((c) => c.header === 'Do Not Email')?.newField?.type).toBe('boolean');
  });

  it('never suggests the same new key twice or an existing key for a new field', () => {
    const mapping = suggestMapping(['id', 'Score', 'score!'], [['1', '5', 'x']], [{ key: 'other', label: 'Other', type: 'text' }]);
    const keys = mapping.columns.flatMap((c) => (c.newField ? [c.newField.key] : []));
    expect(keys).toEqual(['score', 'score_2']);
  });
});
