import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefreshJob, Segment } from '../lib/schema';
import { acmeRecord, MOCK_FIELDS } from '../lib/sync/test-crm-server';
import { launchExtension, readTable, sendFromPage, type ExtensionSession } from './harness';
import { createSegmentVia, segmentsSettled, until } from './real-dataset';

const LEADS = 3000;

/** A CRM answering lead pages only up to the page the test opens: a sync the test can hold. */
interface GatedCrm {
  origin: string;
  /** Answers (now and later) every page up to `page`. */
  openThrough(page: number): void;
  close(): Promise<void>;
}

async function startGatedCrm(records: readonly unknown[]): Promise<GatedCrm> {
  let open = 1;
  let parked: Array<{ page: number; answer: () => void }> = [];
  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/leads') {
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('pageSize'));
      const answer = () => json(res, { page, pageSize: size, total: records.length, results: records.slice((page - 1) * size, page * size) });
      if (page <= open) answer();
      else parked.push({ page, answer });
    } else if (url.pathname === '/api/fields') json(res, MOCK_FIELDS);
    else if (url.pathname === '/api/campaigns') json(res, { results: [] });
    else if (url.pathname === '/api/me') json(res, { id: 'u1', name: 'Ana', role: 'owner', org_id: 'org1' });
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    openThrough(page) {
      open = page;
      const ready = parked.filter((p) => p.page <= open);
      parked = parked.filter((p) => p.page > open);
      for (const p of ready) p.answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Text of an element once it satisfies `done` (polled, no fixed sleep); fails with the last text. */
async function textOf(page: Page, selector: string, done: (text: string) => boolean): Promise<string> {
  const read = async () => ((await page.locator(selector).count()) ? ((await page.locator(selector).first().textContent()) ?? '') : '');
  const text = await until(read, done, 30_000);
  if (!done(text)) throw new Error(`${selector}: "${text}"`);
  return text;
}

describe('counts that are not final yet say so (issue 10 items 5–6)', () => {
  let session: ExtensionSession;
  let messages: Page;
  let crm: GatedCrm;

  beforeAll(async () => {
    crm = await startGatedCrm(Array.from({ length: LEADS }, (_, i) => acmeRecord(i + 1)));
    session = await launchExtension();
    messages = await session.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
    await crm?.close();
  });

  it('a preview opened during a sync says how many leads are stored so far, and follows the sync to its end', async () => {
    const sync = sendFromPage<{ received: number }>(messages, 'syncAll', { pageUrl: `${crm.origin}/leads` });
    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });

    // The header's lead count and the sync progress agree while the sync is held after page 1.
    expect(await textOf(popup, '.header-meta', (t) => t.startsWith('500 leads'))).toContain('Syncing…');
    await textOf(popup, '.sync-progress', (t) => t.includes('500 of 3,000 leads'));

    await popup.getByRole('button', { name: 'Create segment' }).first().click();
    await popup.getByLabel('Segment name').fill('Everyone in India');
    const rule = popup.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Field').selectOption('country');
    await rule.getByLabel('Operator').selectOption('equals');
    await rule.getByLabel('Value').fill('India');
    const status = '.preview-status [role="status"]';
    const first = await textOf(popup, status, (t) => t.includes('Sync in progress'));
    expect(first).toBe('500 leads match of 500 leads' + 'Sync in progress: 500 of 3,000 leads stored so far');

    crm.openThrough(2);
    await textOf(popup, status, (t) => t === '1,000 leads match of 1,000 leads' + 'Sync in progress: 1,000 of 3,000 leads stored so far');
    await textOf(popup, '.header-meta', (t) => t.startsWith('1,000 leads'));
    await textOf(popup, '.sync-progress', (t) => t.includes('1,000 of 3,000 leads'));

    crm.openThrough(Number.POSITIVE_INFINITY);
    expect(await sync).toMatchObject({ ok: true, data: { received: LEADS } });
    await textOf(popup, status, (t) => t === '3,000 leads match of 3,000 leads');
    expect(await textOf(popup, '.header-meta', (t) => t.startsWith('3,000 leads'))).not.toContain('Never synced');
    await popup.evaluate(() => localStorage.clear()); // no draft left to reopen
    await popup.close();
  });

  it('a segment whose refresh is under way says "Refreshing… N of M leads checked", its count marked provisional', async () => {
    const segment = await createSegmentVia(messages, 'Open leads', '#3366ff', {
      combinator: 'and',
      rules: [{ field: 'status', operator: 'equals', value: 'Open' }],
    });
    const settled = (await segmentsSettled(messages)).find((s) => s.id === segment.id) as Segment;
    expect(settled.memberCount).toBe(LEADS / 3);

    // A refresh interrupted two thirds of the way (as a worker shutdown leaves it): the job row persists.
    const ids = (await readTable<{ id: string }>(messages, 'leads')).map((lead) => lead.id).sort();
    const job: RefreshJob = {
      id: `refresh:${segment.id}`,
      kind: 'refresh',
      segmentId: segment.id,
      rulesVersion: settled.rulesVersion,
      processed: 2000,
      total: LEADS,
      cursor: ids[1999],
      startedAt: Date.now(),
      updatedAt: Date.now(),
      now: Date.now(),
    };
    await messages.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('crm-segments');
          open.onsuccess = () => {
            const tx = open.result.transaction('jobs', 'readwrite');
            tx.objectStore('jobs').put(row);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      job,
    );

    const popup = await session.openExtensionPage('popup.html');
    const item = popup.getByRole('listitem', { name: /^Open leads/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('Refreshing… 2,000 of 3,000 leads checked');
    const count = item.locator('.segment-count');
    expect(await count.textContent()).toBe('1,000 members (provisional)');
    expect(await count.getAttribute('class')).toContain('is-provisional');
    expect(await item.getAttribute('aria-busy')).toBe('true');
    expect(await popup.getByRole('listitem', { name: 'Open leads 1,000 members (provisional)' }).count()).toBe(1);

    // The background resumes the job when it is next kicked (any lead write); the row settles.
    expect(await sendFromPage(messages, 'ingestLeads', { leads: [] })).toMatchObject({ ok: true });
    await textOf(popup, '.segment-row .segment-meta', (t) => t.startsWith('1,000 members · Refreshed'));
    expect(await count.getAttribute('class')).not.toContain('is-provisional');
    expect(await readTable(messages, 'jobs')).toEqual([]);
  });
});
