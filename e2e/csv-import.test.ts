import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, readTable, type ExtensionSession } from './harness';
import { createSegmentVia, segmentsSettled } from './real-dataset';
import { chooseCsv, closeImport, csvRows, LEADS_CSV, runImport, sameText, ZOHO_CSV, openOptionsInUtc } from './csv-import-ui';
import type { Lead, Segment } from '../lib/schema';
import { resolve } from 'node:path';


describe('CSV import through the options page (real exports)', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    ({ session, page } = await openOptionsInUtc());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports the Zoho export with the suggested mapping, segments it, and re-imports it as a no-op', async () => {
    await chooseCsv(page, ZOHO_CSV);
    expect(await page.getByRole('combobox', { name: 'Created Time', exact: true }).inputValue()).toBe('createdAt');
    expect(await page.getByRole('combobox', { name: 'Lead Source', exact: true }).inputValue()).toBe('source');
    expect(await page.getByRole('combobox', { name: 'Lead Status', exact: true }).inputValue()).toBe('status');
    expect(await page.getByRole('combobox', { name: 'CONVERTED', exact: true }).inputValue()).toBe('new');
    const createdRow = page.locator('tr', { has: page.getByRole('combobox', { name: 'Created Time', exact: true }) });
    expect(await createdRow.getByRole('combobox', { name: 'Date format' }).inputValue()).toBe('dd MMM, yyyy HH:mm:ss');
    await page.locator('section', { has: page.getByRole('heading', { name: 'Import leads from a CSV file' }) }).screenshot({ path: resolve(SCREENSHOTS, 'options-import-mapping.png') });

    const rows = csvRows(ZOHO_CSV);
    const first = await runImport(page);
    expect(first).toEqual({ imported: rows.length, updated: 0, unchanged: 0, skipped: 0 });

    const leads = (await readTable<Lead>(page, 'leads')).filter((l) => l.crmKey === 'csv:zoho-crm-export-leads');
    expect(leads).toHaveLength(rows.length);
    const lead4563 = leads.find((l) => l.crmId === '4563');
    expect(lead4563).toMatchObject({ name: 'Denson', company: 'Maurice The Pants Man', source: 'Employee Referral', status: 'Contacted', createdAt: Date.UTC(2021, 3, 15, 0, 3) });
    expect(lead4563?.custom).toMatchObject({ owner: 'David Love', converted: true });

    const segment = await createSegmentVia(page, 'Zoho referrals converted mid April', '#0ea5e9', {
      combinator: 'and',
      rules: [
        { field: 'source', operator: 'equals', value: 'employee referral' },
        { field: 'custom.converted', operator: 'is_true' },
        { field: 'createdAt', operator: 'between', value: ['2021-04-15', '2021-04-20'] },
      ],
    });
    const expected = rows.filter((r) => {
      const day = /^(\d{1,2}) Apr, 2021/.exec(r['Created Time'] ?? '');
      return sameText(r['Lead Source'], 'Employee Referral') && r.CONVERTED === 'Yes' && day !== null && Number(day[1]) >= 15 && Number(day[1]) <= 20;
    }).length;
    expect(expected).toBeGreaterThan(0);
    const settled = await segmentsSettled(page);
    expect(settled.find((s: Segment) => s.id === segment.id)?.memberCount).toBe(expected);

    await closeImport(page);
    await chooseCsv(page, ZOHO_CSV);
    expect(await page.getByRole('combobox', { name: 'CONVERTED', exact: true }).inputValue()).toBe('custom.converted');
    expect(await runImport(page)).toEqual({ imported: 0, updated: 0, unchanged: rows.length, skipped: 0 });
    await closeImport(page);
  });

  it('imports Leads.csv apart from other leads and counts a segment on imported custom fields', async () => {
    await chooseCsv(page, LEADS_CSV);
    expect(await page.getByRole('combobox', { name: 'Lead Source', exact: true }).inputValue()).toBe('source');
    expect(await page.getByRole('combobox', { name: 'TotalVisits', exact: true }).inputValue()).toBe('new');
    const rows = csvRows(LEADS_CSV);
    expect(await runImport(page)).toEqual({ imported: rows.length, updated: 0, unchanged: 0, skipped: 0 });

    const segment = await createSegmentVia(page, 'Indian Google visitors', '#16a34a', {
      combinator: 'and',
      rules: [
        { field: 'source', operator: 'equals', value: 'Google' },
        { field: 'country', operator: 'equals', value: 'India' },
        { field: 'custom.totalvisits', operator: 'gt', value: 5 },
      ],
    });
    const expected = rows.filter((r) => sameText(r['Lead Source'], 'google') && sameText(r.Country, 'india') && Number(r.TotalVisits) > 5).length;
    expect(expected).toBeGreaterThan(100);
    const settled = await segmentsSettled(page);
    expect(settled.find((s) => s.id === segment.id)?.memberCount).toBe(expected);
    const crmKeys = new Set((await readTable<Lead>(page, 'leads')).map((l) => l.crmKey));
    expect([...crmKeys].sort()).toEqual(['csv:leads', 'csv:zoho-crm-export-leads']);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'options-import-report.png') });
    await closeImport(page);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'options-page.png'), fullPage: true });
  });
});
