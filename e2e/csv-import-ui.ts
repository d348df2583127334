import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { launchExtension, sendFromPage, type ExtensionSession } from './harness';

import { plainCsvCopy, plainLeadsCsvPath, until } from './real-dataset';

/** The real CRM exports of issue 11 (in-repo gzip copies, demo/data/README.md), as plain CSV files under their own names. */
export const ZOHO_CSV = plainCsvCopy(resolve(import.meta.dirname, '../demo/data/zoho-crm-export-Leads.csv.gz'), 'zoho-crm-export-Leads.csv');
export const MARKETSTAR_CSV = plainCsvCopy(resolve(import.meta.dirname, '../demo/data/marketstar-Leads.csv.gz'), 'marketstar-Leads.csv');

/** The demo dataset as the plain CSV file a user would pick (the repo ships it gzip-compressed). */
export const LEADS_CSV = plainLeadsCsvPath();

/** The final line of the import status: "… N imported, N updated, N unchanged, N skipped" (contract). */
export const COUNTS = /([\d,]+) imported, ([\d,]+) updated, ([\d,]+) unchanged, ([\d,]+) skipped$/;

/** Counts parsed from the status line. */
export interface ImportCounts {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** Opens the import on the options page and chooses `file`; resolves when the mapping step shows. */
export async function chooseCsv(page: Page, file: string): Promise<void> {
  const open = page.getByRole('button', { name: 'Import leads', exact: true });
  if (await open.isVisible()) await open.click();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).waitFor({ timeout: 30_000 });
}

/**
 * Clicks "Import" and waits until the status line says the import finished; returns its counts.
 * Throws with the status text when it does not finish in `timeoutMs`.
 */
export async function runImport(page: Page, timeoutMs = 90_000, options: { doubleClick?: boolean } = {}): Promise<ImportCounts> {
  const button = page.getByRole('button', { name: 'Import', exact: true });
  if (options.doubleClick) await button.dblclick();
  else await button.click();
  const status = page.locator('.import-status');
  const text = await until(
    async () => (await status.count()) > 0 ? ((await status.textContent()) ?? '') : '',
    (t) => t.startsWith('Import finished') || t.startsWith('Import stopped'),
    timeoutMs,
  );
  const match = COUNTS.exec(text.trim());
  if (!match || !text.startsWith('Import finished')) throw new Error(`import did not finish: "${text}"`);
  const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));
  return { imported: num(match[1]), updated: num(match[2]), unchanged: num(match[3]), skipped: num(match[4]) };
}

/** Closes the finished import, ready for the next one. */
export async function closeImport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close', exact: true }).click();
}

/** The rows of a CSV file as header → value objects (papaparse in Node: the test's own reading). */
export function csvRows(file: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: 'greedy' }).data;
}

/** docs/semantics.md §3 rule 3 text equality, computed independently of the engine. */
export const sameText = (a: string | undefined, b: string): boolean =>
  (a ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase() === b.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Chromium with the extension and its options page open, dates evaluated in UTC (so tests can count days). */
export async function openOptionsInUtc(): Promise<{ session: ExtensionSession; page: Page }> {
  const session = await launchExtension();
  const page = await session.openExtensionPage('options.html');
  const zone = await sendFromPage(page, 'setTimeZone', { timeZone: 'UTC' });
  if (!zone.ok) throw new Error(zone.error);
  return { session, page };
}
