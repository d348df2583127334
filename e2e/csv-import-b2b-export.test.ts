import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type ExtensionSession } from './harness';
import { createSegmentVia, segmentsSettled } from './real-dataset';
import { chooseCsv, csvRows, MARKETSTAR_CSV, runImport, sameText, openOptionsInUtc } from './csv-import-ui';

describe('CSV import of the 43,033-row marketstar export', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    ({ session, page } = await openOptionsInUtc());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('recognises yyyymmdd dates, imports every row and counts a segment on imported fields', async () => {
    await chooseCsv(page, MARKETSTAR_CSV);
    expect(await page.getByRole('combobox', { name: 'CreatedDate', exact: true }).inputValue()).toBe('createdAt');
    expect(await page.getByRole('combobox', { name: 'Stage', exact: true }).inputValue()).toBe('status');
    const createdRow = page.locator('tr', { has: page.getByRole('combobox', { name: 'CreatedDate', exact: true }) });
    expect(await createdRow.getByRole('combobox', { name: 'Date format' }).inputValue()).toBe('yyyymmdd');
    const rows = csvRows(MARKETSTAR_CSV);
    expect(rows).toHaveLength(43_033);
    expect(await runImport(page, 170_000)).toEqual({ imported: rows.length, updated: 0, unchanged: 0, skipped: 0 });

    const segment = await createSegmentVia(page, 'Large purchased-list leads before March', '#f97316', {
      combinator: 'and',
      rules: [
        { field: 'source', operator: 'equals', value: 'Purchased List' },
        { field: 'createdAt', operator: 'before', value: '2021-03-01' },
        { field: 'custom.employees', operator: 'gte', value: 150 },
      ],
    });
    const expected = rows.filter((r) => sameText(r.LeadSource, 'purchased list') && (r.CreatedDate ?? '') < '20210301' && r.Employees !== '' && Number(r.Employees) >= 150).length;
    expect(expected).toBeGreaterThan(100);
    const settled = await segmentsSettled(page);
    expect(settled.find((s) => s.id === segment.id)?.memberCount).toBe(expected);
  });
});
