/**
 * Regenerates the saved fixtures the adapter and mapping tests read:
 *   lib/adapters/fixtures/demo-*.json   real API responses (tricky records, fields, campaigns, me)
 *   lib/adapters/fixtures/demo-*.html   the list and detail pages as rendered in Chromium (trimmed)
 *   demo/server/fixtures/tricky-leads.csv  the CSV rows behind those records
 * Run: `npx tsx demo/tools/capture-fixtures.ts` (needs /usr/bin/chromium). The reference time is
 * fixed so the output is reproducible.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';
import { readLeadsCsvTextAsync } from '../data/dataset';
import { DEFAULT_LEADS_CSV } from '../server/leads-csv';
import { startDemoCrm } from '../server/server';

/** Reference time of every fixture. */
export const FIXTURE_NOW = '2025-06-01T00:00:00.000Z';

/** Lead numbers of the tricky records, and why each is there. */
export const TRICKY_LEADS: Readonly<Record<string, string>> = {
  '659722': 'blank TotalVisits / page views / scores',
  '660737': '"Select" placeholders, zero visits, no campaign',
  '660471': 'quoted comma: "Banking, Investment And Insurance"',
  '659094': 'lower-case source "google"',
  '660681': 'source "Google"',
  '658278': 'double-spaced tag "Interested  in full time MBA"',
  '651289': 'Do Not Email + Email Opened → excluded (opened)',
  '655260': 'Do Not Email + SMS Sent → sms participating, email excluded',
  '660321': 'India, n % 3 = 0 → Hindi; High priority; converted',
  '660680': 'Olark Chat Conversation → chat replied',
  '660447': 'Form Submitted on Website → webinar interested',
  '587905': 'Email Marked Spam → unsubscribed',
  '579533': 'lowest Lead Number → created 540 days before now',
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADAPTER_FIXTURES = `${ROOT}lib/adapters/fixtures/`;

const LAUNCH_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function main(): Promise<void> {
  const crm = await startDemoCrm({ port: 0, now: FIXTURE_NOW, csvPath: DEFAULT_LEADS_CSV });
  try {
    const ids = Object.keys(TRICKY_LEADS);
    const records = await Promise.all(ids.map((id) => getJson(`${crm.url}/api/leads/${id}`)));
    await writeFile(`${ADAPTER_FIXTURES}demo-leads.json`, json(records));
    await writeFile(`${ADAPTER_FIXTURES}demo-fields.json`, json(await getJson(`${crm.url}/api/fields`)));
    await writeFile(`${ADAPTER_FIXTURES}demo-campaigns.json`, json(await getJson(`${crm.url}/api/campaigns`)));
    await writeFile(`${ADAPTER_FIXTURES}demo-me.json`, json(await getJson(`${crm.url}/api/me`)));
    await writeFile(`${ADAPTER_FIXTURES}demo-list-page.json`, json(await getJson(`${crm.url}/api/leads?page=2&pageSize=3&sort=id&dir=asc`)));

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${crm.url}/leads`);
      await page.waitForSelector('tr[data-lead-id]');
      await page.waitForSelector('[data-current-user]');
      // Trim: keep the first five rows; drop the script tag.
      await page.evaluate('document.querySelectorAll("tr[data-lead-id]").forEach((tr, i) => { if (i >= 5) tr.remove(); }); document.querySelectorAll("script").forEach((s) => s.remove());');
      await writeFile(`${ADAPTER_FIXTURES}demo-list.html`, `${await page.content()}\n`);

      await page.goto(`${crm.url}/leads/658278`);
      await page.waitForSelector('[data-lead-header]');
      await page.waitForSelector('[data-current-user]');
      await page.evaluate('document.querySelectorAll("script").forEach((s) => s.remove());');
      await writeFile(`${ADAPTER_FIXTURES}demo-detail.html`, `${await page.content()}\n`);
    } finally {
      await browser.close();
    }

    const csv = Papa.parse<Record<string, string>>(await readLeadsCsvTextAsync(DEFAULT_LEADS_CSV), { header: true, skipEmptyLines: true });
    const rows = csv.data.filter((row) => ids.includes(row['Lead Number'] ?? ''));
    await writeFile(`${ROOT}demo/server/fixtures/tricky-leads.csv`, `${Papa.unparse(rows, { columns: csv.meta.fields, newline: '\r\n' })}\r\n`); // CRLF like the dataset
    console.log(`Saved ${records.length} records, 2 pages and ${rows.length} CSV rows.`);
  } finally {
    await crm.close();
  }
}

await main();
