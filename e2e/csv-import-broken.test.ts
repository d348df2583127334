import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readTable, type ExtensionSession } from './harness';
import { chooseCsv, closeImport, COUNTS, MARKETSTAR_CSV, runImport, openOptionsInUtc } from './csv-import-ui';
import { until } from './real-dataset';
import type { Lead } from '../lib/schema';

const BROKEN = [
  'Email,Full Name,Lead Status,Created Date,Score',
  'ada@example.com,Ada Lovelace,New,2024-03-01,10', // row 2
  'grace@example.com,Grace Hopper,Contacted', // row 3: too few fields
  ',Nobody,New,2024-03-02,3', // row 4: no key
  'ADA@example.com,Ada Again,Lost,2024-03-03,4', // row 5: repeats row 2's key
  'alan@example.com,Alan Turing,New,someday,many', // row 6: stored, two values unreadable
  '',
  'edsger@example.com,Edsger Dijkstra,Won,2024-03-04,7,extra', // row 8: too many fields
  'barbara@example.com,"Barbara Liskov",New,2024-03-05,"1,5"', // row 9
].join('\n');

describe('CSV import of a file with broken rows', () => {
  let session: ExtensionSession;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csv-broken-'));
    ({ session, page } = await openOptionsInUtc());
  });
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('names every broken row in the report and stores every good row', async () => {
    const file = join(dir, 'broken-leads.csv');
    await writeFile(file, BROKEN);
    await chooseCsv(page, file);
    expect(await page.getByRole('combobox', { name: 'Email', exact: true }).inputValue()).toBe('email');
    // Double-clicked, as users do: one import runs, and it finishes.
    expect(await runImport(page, 90_000, { doubleClick: true })).toEqual({ imported: 3, updated: 0, unchanged: 0, skipped: 4 });
    const skipped = await page.getByRole('list', { name: 'Skipped rows' }).getByRole('listitem').allTextContents();
    expect(skipped).toEqual([
      'Row 3: has 3 fields, the header has 5',
      'Row 4: no value in the key column "Email"',
      'Row 5: repeats the key "ada@example.com" of row 2',
      'Row 8: has 6 fields, the header has 5',
    ]);
    await expect.poll(() => page.locator('.import-unreadable').textContent()).toContain('2 values could not be read');
    const leads = (await readTable<Lead>(page, 'leads')).filter((l) => l.crmKey === 'csv:broken-leads');
    expect(leads.map((l) => [l.crmId, l.name, l.status, l.createdAt, l.custom.score]).sort()).toEqual([
      ['ada@example.com', 'Ada Lovelace', 'New', Date.UTC(2024, 2, 1), 10],
      ['alan@example.com', 'Alan Turing', 'New', undefined, null],
      ['barbara@example.com', 'Barbara Liskov', 'New', Date.UTC(2024, 2, 5), 1.5],
    ]);
  });

  it('Cancel stops a running import after the batch being stored; what was stored stays', async () => {
    await closeImport(page);
    await chooseCsv(page, MARKETSTAR_CSV);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const status = page.locator('.import-status');
    const text = await until(async () => (await status.textContent()) ?? '', (t) => t.startsWith('Import cancelled'), 120_000);
    const match = COUNTS.exec(text);
    expect(text).toMatch(/^Import cancelled after [\d,]+ rows: /);
    const imported = Number(match?.[1]?.replace(/,/g, ''));
    expect(imported).toBeLessThan(43_033);
    const stored = (await readTable<Lead>(page, 'leads')).filter((l) => l.crmKey === 'csv:marketstar-leads');
    expect(stored).toHaveLength(imported);
  });
});
