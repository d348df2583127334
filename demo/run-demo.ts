/**
 * `npm run demo`: builds the extension, starts the demo CRM and opens Chromium with the extension
 * on the CRM's leads page (issue #3 item 6). With a display it stays open until Ctrl+C. With no
 * display, or `npm run demo -- --headless`, it runs the whole job unattended — sync all, create
 * three example segments, wait for membership, print the results, save screenshots under
 * demo-output/ — and exits 0; any failure exits 1 with the reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtension, readTable, sendFromPage, type ExtensionSession } from '../e2e/harness';
import { describeRuleSet } from '../lib/engine';
import type { Campaign, CustomFieldDef, Segment } from '../lib/schema';
import { EXAMPLE_SEGMENTS } from './example-segments';
import { startDemoCrm, type DemoCrm } from './server/server';

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT_DIR = resolve(ROOT, 'demo-output');

function build(): void {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error('npm run build failed (see the output above)');
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

async function runUnattended(session: ExtensionSession, crm: DemoCrm): Promise<void> {
  const leadsUrl = `${crm.url}/leads`;
  const crmPage = await session.context.newPage();
  await crmPage.goto(leadsUrl);
  const extensionPage = await session.openExtensionPage('popup.html');

  const started = Date.now();
  const sync = await sendFromPage<{ stored: number; unchanged: number; received: number; skipped: unknown[] }>(extensionPage, 'syncAll', {
    pageUrl: leadsUrl,
  });
  if (!sync.ok) throw new Error(`Sync all failed: ${sync.error}`);
  const status = await sendFromPage<{ leadCount: number }>(extensionPage, 'getSyncStatus', {});
  const leadCount = status.ok ? status.data.leadCount : 0;
  console.log(`Synced ${leadCount} leads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (sync.data.skipped.length) console.log(`  (${sync.data.skipped.length} records skipped — see the popup's sync report)`);

  for (const draft of EXAMPLE_SEGMENTS) {
    const created = await sendFromPage(extensionPage, 'createSegment', { draft });
    if (!created.ok && !/already have a segment/.test(created.error)) throw new Error(`Creating "${draft.name}" failed: ${created.error}`);
  }
  const deadline = Date.now() + 120_000;
  let segments = await readTable<Segment>(extensionPage, 'segments');
  while ((await readTable(extensionPage, 'jobs')).length > 0 || segments.some((s) => s.lastRefreshedAt === undefined)) {
    if (Date.now() > deadline) throw new Error('Segments did not finish evaluating within 2 minutes');
    await new Promise((r) => setTimeout(r, 200));
    segments = await readTable<Segment>(extensionPage, 'segments');
  }
  const customFields = await readTable<CustomFieldDef>(extensionPage, 'customFields');
  const campaigns = await readTable<Campaign>(extensionPage, 'campaigns');
  const examples = EXAMPLE_SEGMENTS.map((draft) => segments.find((s) => s.name === draft.name)!);
  console.log(
    `\n${table([
      ['Segment', 'Rules', 'Members'],
      ...examples.map((s) => [s.name, describeRuleSet(s.rules, { customFields, campaigns }), s.memberCount.toLocaleString('en-US')]),
    ])}\n`,
  );

  await mkdir(OUTPUT_DIR, { recursive: true });
  await crmPage.bringToFront();
  await crmPage.waitForFunction(() => document.querySelectorAll('crm-segment-badges:not([hidden])').length > 0, undefined, {
    timeout: 30_000,
  });
  await crmPage.screenshot({ path: resolve(OUTPUT_DIR, 'leads-with-badges.png') });
  const firstBadged = await crmPage.evaluate(() => {
    const host = document.querySelector('crm-segment-badges:not([hidden])');
    return host?.closest('tr')?.querySelector('a')?.getAttribute('href') ?? null;
  });
  if (firstBadged) {
    await crmPage.click(`a[href="${firstBadged}"]`);
    await crmPage.waitForFunction(() => document.querySelectorAll('crm-segment-badges:not([hidden])').length > 0, undefined, {
      timeout: 30_000,
    });
    await crmPage.screenshot({ path: resolve(OUTPUT_DIR, 'lead-detail.png') });
  }
  await extensionPage.setViewportSize({ width: 400, height: 600 });
  await extensionPage.reload();
  await extensionPage.waitForTimeout(1000);
  await extensionPage.screenshot({ path: resolve(OUTPUT_DIR, 'popup.png') });
  console.log(`Screenshots saved in ${OUTPUT_DIR}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  if (!args.includes('--no-build')) build();
  const crm = await startDemoCrm();
  console.log(`Acme CRM is running at ${crm.url}/leads (${crm.leadCount.toLocaleString('en-US')} leads)`);
  const session = await launchExtension({ headless });
  try {
    if (headless) {
      await runUnattended(session, crm);
      return;
    }
    const page = await session.context.newPage();
    await page.goto(`${crm.url}/leads`);
    console.log('Chromium is open with CRM Segments loaded. Click the extension\'s toolbar button, then "Sync all". Ctrl+C quits.');
    await new Promise<void>((resolveWait) => {
      process.once('SIGINT', () => resolveWait());
      session.context.once('close', () => resolveWait());
    });
  } finally {
    await session.close().catch(() => undefined);
    await crm.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${process.env.DEMO_PORT || 5174} is already in use — stop the other demo or set DEMO_PORT to a free port`
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`Demo failed: ${reason}`);
    process.exit(1);
  },
);
