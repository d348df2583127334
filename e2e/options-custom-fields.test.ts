import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomFieldDef, Lead, Segment } from '../lib/schema';
import { chooseCsv, closeImport, csvRows, openOptionsInUtc, runImport, ZOHO_CSV } from './csv-import-ui';
import { SCREENSHOTS, readTable, type ExtensionSession } from './harness';
import { createSegmentVia, segmentsSettled, until } from './real-dataset';

const CRM_KEY = 'csv:zoho-crm-export-leads';

/** The custom fields section of the options page. */
const section = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Custom fields', exact: true }) });

describe('Custom fields on the options page (real Zoho export, real Chromium)', () => {
  let session: ExtensionSession;
  let page: Page;
  const rows = csvRows(ZOHO_CSV);
  beforeAll(async () => {
    ({ session, page } = await openOptionsInUtc());
    await chooseCsv(page, ZOHO_CSV);
    expect(await runImport(page)).toMatchObject({ imported: rows.length });
    await closeImport(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  const zohoLeads = async () => (await readTable<Lead>(page, 'leads')).filter((l) => l.crmKey === CRM_KEY);

  it('lists the imported fields, renames a label, changes a type (reporting emptied values) and deletes a field', async () => {
    const industry = await createSegmentVia(page, 'Education leads', '#0ea5e9', {
      combinator: 'and',
      rules: [{ field: 'custom.industry', operator: 'equals', value: 'Education' }],
    });
    const converted = await createSegmentVia(page, 'Converted', '#22c55e', { combinator: 'and', rules: [{ field: 'custom.converted', operator: 'is_true' }] });
    await segmentsSettled(page);

    const table = section(page).getByRole('table', { name: 'Custom fields' });
    const industryRow = table.locator('tr', { has: page.getByText('industry', { exact: true }) });
    await expect.poll(() => industryRow.locator('td').nth(4).textContent()).toBe('1 segment');
    expect(await industryRow.locator('td').nth(3).textContent()).toBe('Import');
    await section(page).screenshot({ path: resolve(SCREENSHOTS, 'options-custom-fields.png') });

    // rename: the label changes, the key and the rules stay
    await page.getByRole('button', { name: 'Rename Industry', exact: true }).click();
    await page.getByRole('textbox', { name: 'Label of industry' }).fill('Sector');
    await page.getByRole('textbox', { name: 'Label of industry' }).press('Enter');
    await section(page).getByText('"Industry" is now called "Sector".').waitFor();
    const fields = await readTable<CustomFieldDef>(page, 'customFields');
    expect(fields.find((f) => f.key === 'industry')).toMatchObject({ label: 'Sector' });

    // type change: month names are not numbers; every non-empty one becomes empty and is reported
    const months = rows.filter((r) => (r['month_Created Time1'] ?? '').trim() !== '').length;
    expect(months).toBeGreaterThan(0);
    const monthLabel = fields.find((f) => f.key === 'month_created_time1')?.label ?? '';
    await page.getByRole('combobox', { name: `Type of ${monthLabel}`, exact: true }).selectOption('number');
    // Counted before confirming: the dialog says how many values will become empty.
    await page.getByRole('dialog').getByText(`${months.toLocaleString('en-US')} values will become empty`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Change type' }).click();
    const report = section(page).getByRole('alert');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain(`${months.toLocaleString('en-US')} values could not be read as number and are now empty.`);
    const afterRetype = await zohoLeads();
    expect(afterRetype.filter((l) => l.custom.month_created_time1 !== null)).toEqual([]);
    expect((await readTable<CustomFieldDef>(page, 'customFields')).find((f) => f.key === 'month_created_time1')?.type).toBe('number');

    // boolean → text keeps every value readable ("true"/"false"); "is true" no longer fits, the segment says so
    await page.getByRole('combobox', { name: 'Type of CONVERTED', exact: true }).selectOption('text');
    await page.getByRole('dialog').getByRole('button', { name: 'Change type' }).click();
    await until(async () => (await report.textContent()) ?? '', (t) => t.startsWith('"CONVERTED" is now text'), 60_000);
    expect(await report.textContent()).toContain('Every value could be read. Needs an edit: "Converted".');
    const byId = new Map((await zohoLeads()).map((l) => [l.crmId, l]));
    for (const row of rows.slice(0, 200)) expect(byId.get(row.LEADID ?? '')?.custom.converted).toBe(row.CONVERTED === 'Yes' ? 'true' : 'false');

    // delete: the confirmation names the segment; it gets an error the popup shows
    await page.getByRole('button', { name: 'Delete Sector', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the custom field "Sector"?' });
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['Education leads']);
    await dialog.getByRole('button', { name: 'Delete field' }).click();
    await section(page).getByText('Deleted "Sector". "Education leads" now needs an edit.').waitFor();
    const segments = await readTable<Segment>(page, 'segments');
    const industryError = segments.find((s) => s.id === industry.id)?.error ?? '';
    expect(industryError).toMatch(/industry/);
    expect(segments.find((s) => s.id === converted.id)?.error).toMatch(/.+/);
    expect((await zohoLeads()).find((l) => l.crmId === rows[0]?.LEADID)?.custom.industry).toBe(rows[0]?.Industry);

    const popup = await session.openExtensionPage('popup.html');
    await popup.locator('.segment-error', { hasText: industryError }).waitFor();
    await popup.close();
    await page.screenshot({ path: resolve(SCREENSHOTS, 'options-page.png'), fullPage: true });
  });
});
