/**
 * `npm run bench:import`: CSV import of 50,000 rows through the options page UI in real Chromium
 * (issue 11 target: under 30 s). The file is the real marketstar export (43,033 rows) plus 6,967
 * of its rows again under new ids, written to a temporary file. Measures the first import (all
 * new) and a re-import of the same file (all unchanged), from the click on "Import" to the final
 * status line. Prints Markdown. Build first (`npm run build`; the npm script does it).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension, sendFromPage } from '../e2e/harness';
import { chooseCsv, closeImport, MARKETSTAR_CSV, runImport } from '../e2e/csv-import-ui';

const ROWS = 50_000;

/** The marketstar export grown to `ROWS` data rows (extra rows copy early ones with new LeadIds). */
async function fiftyThousandRows(path: string): Promise<void> {
  const lines = (await readFile(MARKETSTAR_CSV, 'utf8')).split(/\r?\n/).filter((l) => l !== '');
  const [header, ...data] = lines;
  const extra = data.slice(0, ROWS - data.length).map((line, i) => line.replace(/^\d+/, String(1_000_000 + i)));
  await writeFile(path, [header, ...data, ...extra].join('\n'));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
  const file = join(dir, 'bench-50k-leads.csv');
  await fiftyThousandRows(file);
  const session = await launchExtension();
  try {
    const page = await session.openExtensionPage('options.html');
    await sendFromPage(page, 'setTimeZone', { timeZone: 'UTC' });
    const results: string[] = [];
    for (const run of ['first import (50,000 new leads)', 're-import of the same file (50,000 unchanged)']) {
      await chooseCsv(page, file);
      const started = Date.now();
      const counts = await runImport(page, 900_000);
      const elapsed = Date.now() - started;
      results.push(`| ${run} | ${elapsed.toLocaleString('en-US')} ms | ${counts.imported.toLocaleString('en-US')} imported, ${counts.updated} updated, ${counts.unchanged.toLocaleString('en-US')} unchanged, ${counts.skipped} skipped |`);
      console.error(results[results.length - 1]);
      await closeImport(page);
    }
    console.log(['| measurement | time | report |', '|---|---|---|', ...results].join('\n'));
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
