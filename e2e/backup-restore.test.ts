import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readMemberships, type ExtensionSession } from './harness';
import { createSegmentVia, segmentsSettled, until } from './real-dataset';
import { chooseCsv, closeImport, runImport, ZOHO_CSV, openOptionsInUtc } from './csv-import-ui';

/** Every object store of the extension's database: store name → its rows as sorted JSON strings. */
function allTables(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const open = indexedDB.open('crm-segments');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, string[]> = {};
          for (const name of names) {
            // Never backed up, by design: the lead copy's snapshot (a cache rebuilt from the leads)
            // and the configuration stamp (a new one is written with every configuration change).
            if (name === 'leadSnapshot') continue;
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () =>
              (out[name] = (request.result as { key?: unknown }[])
                .filter((r) => !(name === 'meta' && r.key === 'configStamp'))
                .map((r) => JSON.stringify(r))
                .sort());
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

describe('backup → delete all → restore (options page)', () => {
  let session: ExtensionSession;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-backup-'));
    ({ session, page } = await openOptionsInUtc());
    await chooseCsv(page, ZOHO_CSV);
    await runImport(page);
    await closeImport(page);
    await createSegmentVia(page, 'Cold calls', '#334155', { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'Cold Call' }] });
    await segmentsSettled(page);
  });
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('restores identical tables, row by row', async () => {
    const before = await allTables(page);
    expect(before.leads).toHaveLength(3900);
    expect(before.segments).toHaveLength(1);
    expect(before.memberBlocks?.length).toBeGreaterThan(0);
    expect((await readMemberships(page)).length).toBeGreaterThan(100);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^crm-segments-backup-\d{4}-\d{2}-\d{2}\.json$/);

    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete all data?' });
    const deleteButton = confirm.getByRole('button', { name: 'Delete all data' });
    expect(await deleteButton.isDisabled()).toBe(true);
    await confirm.getByLabel('Type DELETE to confirm').fill('DELETE');
    await deleteButton.click();
    const emptied = await until(() => allTables(page), (t) => Object.values(t).every((rows) => rows.length === 0));
    expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);

    await page.getByLabel('Backup file').setInputFiles(file);
    const preview = page.getByRole('dialog', { name: 'Restore this backup?' });
    const leadsRow = preview.getByRole('table', { name: 'Backup contents' }).getByRole('row', { name: /Leads/ });
    expect(await leadsRow.textContent()).toContain('3,900');
    await preview.getByRole('button', { name: 'Replace all data' }).click();
    await page.getByText(/^Restored the backup of/).waitFor({ timeout: 60_000 });
    expect(await allTables(page)).toEqual(before);
  });
});
