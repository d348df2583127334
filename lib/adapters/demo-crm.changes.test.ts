import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../demo/server/server';
import { demoCrmAdapter as adapter, SYNC_PAGE_SIZE } from './demo-crm';
import type { ChangedLeadPage, FetchFn } from './types';

/** Every page the adapter yields for changes since `since`. */
async function pagesSince(origin: string, since: number | undefined, fetchFn: FetchFn): Promise<ChangedLeadPage[]> {
  const pages: ChangedLeadPage[] = [];
  for await (const page of adapter.fetchChangedLeads!(origin, since, fetchFn)) pages.push(page);
  return pages;
}

describe('Acme changes since a time (scheduled sync)', () => {
  let crm: DemoCrm;
  const asked: string[] = [];
  const fetchFn: FetchFn = (input, init) => {
    asked.push(input);
    return fetch(input, init);
  };
  beforeAll(async () => {
    crm = await startDemoCrm({ port: 0, now: '2025-06-01T00:00:00.000Z' });
  });
  afterAll(async () => {
    await crm?.close();
  });

  it('asks with updated_since in the CRM clock and returns only what changed, with the CRM time of the first page', async () => {
    const first = await pagesSince(crm.url, undefined, fetchFn);
    expect(first.at(-1)?.done).toBe(9240);
    expect(first).toHaveLength(Math.ceil(9240 / SYNC_PAGE_SIZE));
    const asOf = first[0]?.asOf;
    expect(asOf).toBeGreaterThanOrEqual(crm.now);
    expect(first.slice(1).every((p) => p.asOf === undefined)).toBe(true);

    const patched = await fetch(`${crm.url}/api/leads/658278`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Lost' }),
    });
    expect(patched.status).toBe(200);
    asked.length = 0;
    const changed = await pagesSince(crm.url, asOf, fetchFn);
    expect(asked).toEqual([
      `${crm.url}/api/leads?page=1&pageSize=${SYNC_PAGE_SIZE}&sort=updated_at&dir=asc&updated_since=${encodeURIComponent(new Date(asOf!).toISOString())}`,
    ]);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.records).toEqual([expect.objectContaining({ id: '658278', status: 'Lost' })]);
    expect(changed[0]?.asOf).toBeGreaterThanOrEqual(asOf!);

    const nothing = await pagesSince(crm.url, changed[0]!.asOf! + 1, fetchFn);
    expect(nothing.map((p) => p.records.length)).toEqual([0]);
  });

  it('rejects a garbage answer instead of yielding it', async () => {
    const garbage: FetchFn = async () => new Response(JSON.stringify({ page: 1, results: 'no' }), { headers: { 'content-type': 'application/json' } });
    await expect(pagesSince('http://127.0.0.1:1', 0, garbage)).rejects.toThrow(/unexpected response/);
    const badTime: FetchFn = async () =>
      new Response(JSON.stringify({ page: 1, pageSize: 500, total: 0, server_time: 'soon', results: [] }), { headers: { 'content-type': 'application/json' } });
    await expect(pagesSince('http://127.0.0.1:1', 0, badTime)).rejects.toThrow(/server_time/);
  });
});
