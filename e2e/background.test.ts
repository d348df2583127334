import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, sendFromPage, type ExtensionSession } from './harness';
import { until } from './real-dataset';

const crmKey = 'e2e@127.0.0.1:1';
const lead = (crmId: string, fields: Record<string, unknown>) => ({
  id: `${crmKey}/${crmId}`,
  crmKey,
  crmId,
  name: `Lead ${crmId}`,
  tags: [],
  campaigns: [],
  custom: {},
  syncedAt: Date.UTC(2026, 10, 1),
  ...fields,
});

describe('background in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts the service worker and opens an empty database', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
    const status = await sendFromPage(page, 'getSyncStatus', {});
    expect(status).toEqual({ ok: true, data: { leadCount: 0, running: false } });
    const tables = await page.evaluate(async () => {
      const databases = await indexedDB.databases();
      return databases.map((d) => d.name);
    });
    expect(tables).toContain('crm-segments');
  });

  it('round-trips ingest → create segment → memberships', async () => {
    const ingest = await sendFromPage<{ stored: number; skipped: unknown[] }>(page, 'ingestLeads', {
      leads: [
        lead('1', { source: 'Google', country: 'India' }),
        lead('2', { source: ' google ', country: 'India' }),
        lead('3', { source: 'Facebook' }),
        { id: 'broken' },
      ],
    });
    expect(ingest.ok).toBe(true);
    if (!ingest.ok) return;
    expect(ingest.data.stored).toBe(3);
    expect(ingest.data.skipped).toHaveLength(1);

    const created = await sendFromPage<{ id: string; name: string }>(page, 'createSegment', {
      draft: {
        name: 'Google leads',
        color: '#2563eb',
        rules: { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'GOOGLE' }] },
      },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const segmentId = created.data.id;

    const memberships = await until(
      async () => {
        const answer = await sendFromPage<Record<string, Array<{ id: string }>>>(page, 'getMemberships', {
          leadIds: [`${crmKey}/1`, `${crmKey}/2`, `${crmKey}/3`],
        });
        return answer.ok ? answer.data : {};
      },
      (m) => (m[`${crmKey}/1`]?.length ?? 0) > 0 && (m[`${crmKey}/2`]?.length ?? 0) > 0,
    );
    expect(memberships[`${crmKey}/1`]?.map((s) => s.id)).toEqual([segmentId]);
    expect(memberships[`${crmKey}/2`]?.map((s) => s.id)).toEqual([segmentId]);
    expect(memberships[`${crmKey}/3`]).toEqual([]);

    // A changed lead moves in live (incremental ingest).
    await sendFromPage(page, 'ingestLeads', { leads: [lead('3', { source: 'Google' })] });
    const after = await sendFromPage<Record<string, Array<{ id: string }>>>(page, 'getMemberships', { leadIds: [`${crmKey}/3`] });
    expect(after).toEqual({ ok: true, data: { [`${crmKey}/3`]: [{ id: segmentId, name: 'Google leads', color: '#2563eb' }] } });
  });

  it('answers an invalid message with a clear error and writes nothing', async () => {
    const bad = await sendFromPage(page, 'createSegment', {
      draft: { name: 'Bad', color: 'red', rules: { combinator: 'and', rules: [{ field: 'source', operator: 'gt', value: 3 }] } },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/colour as #rrggbb/);
    expect(!bad.ok && bad.error).toMatch(/Rule 1: 'gt' is not allowed for Source/);
    const unknown = await sendFromPage(page, 'dropEverything', {});
    expect(unknown).toEqual({ ok: false, error: 'Unknown message type "dropEverything".' });
    const segments = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('crm-segments');
          open.onsuccess = () => {
            const count = open.result.transaction('segments').objectStore('segments').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(segments).toBe(1);
  });
});
