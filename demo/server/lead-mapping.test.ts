import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLeadsCsvText } from '../data/dataset';
import { DAY_MS, campaignsOf, createdAtOf, lastContactAtOf, mapCsvRow, type CsvRow, type DemoLead } from './lead-mapping';
import { DEFAULT_LEADS_CSV, LeadsCsvError, loadLeadsCsv, parseLeadsCsv } from './leads-csv';
import { toLeadRecord } from './lead-record';

const NOW = Date.parse('2025-06-01T00:00:00.000Z');
const FIXTURE_CSV = readFileSync(new URL('./fixtures/tricky-leads.csv', import.meta.url), 'utf8');
const SAVED_RECORDS = JSON.parse(readFileSync(new URL('../../lib/adapters/fixtures/demo-leads.json', import.meta.url), 'utf8')) as Array<Record<string, string>>;

describe('mapCsvRow on tricky rows (docs/semantics.md §6)', () => {
  const { leads, skipped } = parseLeadsCsv(FIXTURE_CSV, NOW);
  const byId = new Map(leads.map((l) => [l.id, l]));
  const lead = (id: string): DemoLead => {
    const found = byId.get(id);
    if (!found) throw new Error(`fixture lead ${id} missing`);
    return found;
  };

  it('maps every fixture row', () => {
    expect(skipped).toEqual([]);
    expect(leads).toHaveLength(13);
  });

  it('keeps a quoted comma inside one field', () => {
    expect(lead('660471').custom.specialization).toBe('Banking, Investment And Insurance');
    expect(lead('660471').custom.city).toBe('Mumbai');
  });

  it('turns "Select" placeholders of select fields into empty values', () => {
    expect(lead('660737').custom.specialization).toBe('');
    expect(lead('660737').custom.city).toBe('');
    expect(lead('660737').custom.occupation).toBe('Unemployed');
  });

  it('keeps blank numbers blank and lastContactAt empty', () => {
    const l = lead('659722');
    expect(l.custom.total_visits).toBe('');
    expect(l.custom.page_views_per_visit).toBe('');
    expect(l.lastContactAt).toBeNull();
    expect(lead('660737').lastContactAt).toBeNull(); // TotalVisits 0
  });

  it('keeps sources and tags as they are', () => {
    expect(lead('659094').source).toBe('google');
    expect(lead('660681').source).toBe('Google');
    expect(lead('658278').tags).toEqual(['Interested  in full time MBA']);
  });

  it('derives status, priority and tags', () => {
    expect(lead('660321')).toMatchObject({ status: 'Converted', priority: 'High', language: 'Hindi', country: 'India' });
    expect(lead('660737')).toMatchObject({ status: 'Contacted', priority: 'Low', language: '', country: '' });
    expect(lead('660680')).toMatchObject({ status: 'New', priority: '' });
    expect(lead('655260').tags).toEqual(['Already a student', 'do-not-email', 'ebook']);
  });

  it('maps Last Activity to campaigns and Do Not Email to an email exclusion', () => {
    expect(lead('651289').campaigns).toEqual([{ campaignId: 'email', state: 'excluded', response: 'opened' }]);
    expect(lead('655260').campaigns).toEqual([
      { campaignId: 'sms', state: 'participating', response: '' },
      { campaignId: 'email', state: 'excluded', response: '' },
    ]);
    expect(lead('660680').campaigns).toEqual([{ campaignId: 'chat', state: 'participating', response: 'replied' }]);
    expect(lead('660447').campaigns).toEqual([{ campaignId: 'webinar', state: 'participating', response: 'interested' }]);
    expect(lead('587905').campaigns).toEqual([{ campaignId: 'email', state: 'excluded', response: 'unsubscribed' }]);
    expect(lead('660737').campaigns).toEqual([]);
  });

  it('spreads createdAt over 540 days by Lead Number', () => {
    expect(lead('579533').createdAt).toBe(NOW - 540 * DAY_MS);
    expect(lead('660737').createdAt).toBe(NOW);
    expect(lead('579533').lastContactAt).toBe(NOW - 540 * DAY_MS + 6 * 3 * DAY_MS);
    expect(lead('659094').lastContactAt).toBe(NOW); // capped at now
  });

  it('produces exactly the saved API records (fixture regeneration check)', () => {
    const records = leads.map(toLeadRecord).sort((a, b) => Number(a.id) - Number(b.id));
    expect(records).toEqual(SAVED_RECORDS);
  });
});

describe('mapping helpers', () => {
  it('createdAt is linear between min and max Lead Number', () => {
    const ctx = { now: NOW, minNumber: 100, maxNumber: 200 };
    expect(createdAtOf(150, ctx)).toBe(NOW - 270 * DAY_MS);
    expect(createdAtOf(100, { ...ctx, maxNumber: 100 })).toBe(NOW);
  });

  it('lastContactAt caps visits at 30 and the result at now', () => {
    const created = NOW - 200 * DAY_MS;
    expect(lastContactAtOf('250', created, NOW)).toBe(created + 90 * DAY_MS);
    expect(lastContactAtOf('4', created, NOW)).toBe(created + 12 * DAY_MS);
    expect(lastContactAtOf('40', NOW - DAY_MS, NOW)).toBe(NOW);
    expect(lastContactAtOf('', created, NOW)).toBeNull();
    expect(lastContactAtOf('0', created, NOW)).toBeNull();
  });

  it('a Do Not Email lead without activity is still excluded from email', () => {
    expect(campaignsOf({ 'Last Activity': 'Page Visited on Website', 'Do Not Email': 'Yes' })).toEqual([
      { campaignId: 'email', state: 'excluded', response: '' },
    ]);
  });

  it('reports a row without a whole Lead Number', () => {
    expect(mapCsvRow({ 'Lead Number': 'abc' } as CsvRow, { now: NOW, minNumber: 1, maxNumber: 2 })).toMatch(/not a whole number/);
  });

  it('rejects a file without the dataset columns', () => {
    expect(() => parseLeadsCsv('a,b\n1,2\n', NOW)).toThrow(LeadsCsvError);
  });

  it('explains a missing file in one line', async () => {
    await expect(loadLeadsCsv('/nonexistent/Leads.csv', NOW)).rejects.toThrow(/Leads CSV not found at \/nonexistent\/Leads\.csv — set DEMO_LEADS_CSV/);
  });
});

describe('the real dataset (9,240 leads)', () => {
  let leads: DemoLead[];
  let rows: CsvRow[];
  beforeAll(async () => {
    const loaded = await loadLeadsCsv(DEFAULT_LEADS_CSV, NOW);
    expect(loaded.skipped).toEqual([]);
    leads = loaded.leads;
    rows = Papa.parse<CsvRow>(readLeadsCsvText(DEFAULT_LEADS_CSV), { header: true, skipEmptyLines: true }).data;
  });
  const count = (pred: (l: DemoLead) => boolean): number => leads.filter(pred).length;
  const countRows = (pred: (r: CsvRow) => boolean): number => rows.filter(pred).length;

  it('loads every lead once', () => {
    expect(leads).toHaveLength(9240);
    expect(new Set(leads.map((l) => l.id)).size).toBe(9240);
  });

  it('has exactly 2,873 leads whose source normalises to "google", in both spellings', () => {
    expect(count((l) => l.source.trim().toLowerCase() === 'google')).toBe(2873);
    expect(count((l) => l.source === 'google')).toBe(5);
    expect(count((l) => l.source === 'Google')).toBe(2868);
  });

  it('counts statuses as the SPEC rule gives them', () => {
    expect(count((l) => l.status === 'Converted')).toBe(3561);
    expect(count((l) => l.status === 'Contacted')).toBe(3162);
    expect(count((l) => l.status === 'New')).toBe(2517);
    expect(countRows((r) => r.Converted !== '1' && r.Tags !== '')).toBe(3162);
  });

  it('counts priorities, tags and languages', () => {
    expect(count((l) => l.priority === 'High')).toBe(637);
    expect(count((l) => l.priority === 'Medium')).toBe(countRows((r) => r['Lead Quality'] === 'Might be' || r['Lead Quality'] === 'Not Sure'));
    expect(count((l) => l.priority === 'Low')).toBe(countRows((r) => r['Lead Quality'] === 'Low in Relevance' || r['Lead Quality'] === 'Worst'));
    expect(count((l) => l.priority === 'High' && l.country === 'India')).toBe(380);
    expect(count((l) => l.tags.includes('do-not-email'))).toBe(734);
    expect(count((l) => l.tags.includes('ebook'))).toBe(2888);
    expect(count((l) => l.tags.includes('Interested  in full time MBA'))).toBe(117);
    expect(count((l) => l.language === 'Hindi')).toBe(2148);
    expect(count((l) => l.language === '')).toBe(2461);
  });

  it('keeps every date within the 540 days before now', () => {
    expect(Math.min(...leads.map((l) => l.createdAt))).toBe(NOW - 540 * DAY_MS);
    expect(Math.max(...leads.map((l) => l.createdAt))).toBe(NOW);
    expect(leads.every((l) => l.lastContactAt === null || (l.lastContactAt >= l.createdAt && l.lastContactAt <= NOW))).toBe(true);
    expect(count((l) => l.lastContactAt === null)).toBe(countRows((r) => r.TotalVisits === '' || Number(r.TotalVisits) === 0));
  });

  it('excludes every Do Not Email lead from the email campaign', () => {
    const excluded = count((l) => l.campaigns.some((c) => c.campaignId === 'email' && c.state === 'excluded'));
    expect(excluded).toBe(734);
    expect(count((l) => l.tags.includes('do-not-email') && l.campaigns.some((c) => c.campaignId === 'email' && c.state === 'participating'))).toBe(0);
  });

  it('never keeps a "Select" placeholder in a select field', () => {
    for (const key of ['specialization', 'city', 'occupation', 'last_activity', 'last_notable_activity', 'lead_quality']) {
      expect(count((l) => l.custom[key] === 'Select')).toBe(0);
    }
  });
});

describe('hostile CSV values (issue 9 item 11)', () => {
  it('maps values named like Object.prototype members as plain text, never as its functions', () => {
    const parsed = Papa.parse<Record<string, string>>(FIXTURE_CSV, { header: true, skipEmptyLines: true });
    const row = parsed.data[0]!;
    const hostile = { ...row, 'Lead Quality': 'constructor', 'Last Activity': 'toString', Tags: '__proto__', Country: 'hasOwnProperty', City: '__proto__', Specialization: 'valueOf' };
    const csv = Papa.unparse({ fields: parsed.meta.fields!, data: [hostile] });
    const { leads, skipped } = parseLeadsCsv(csv, NOW);
    expect(skipped).toEqual([]);
    const lead = leads[0]!;
    expect(lead.priority).toBe('');
    expect(lead.campaigns.every((c) => typeof c.campaignId === 'string' && c.campaignId !== '')).toBe(true);
    expect(lead.tags).toContain('__proto__');
    expect(lead.country).toBe('hasOwnProperty');
    expect(Object.getPrototypeOf(lead.custom)).toBe(Object.prototype);
    expect(Object.hasOwn(lead.custom, 'city') && lead.custom.city).toBe('__proto__');
    const record = toLeadRecord(lead);
    for (const [key, value] of Object.entries(record)) expect(typeof value, key).toBe('string');
  });
});
