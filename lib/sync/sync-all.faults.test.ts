import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPendingRemoval } from '../db/pending-removal';
import { NOW, TIME_ZONE } from '../segments/test-support';
import { allLeads, contentOf, expectMembershipsExact, startFaultWorld, type FaultWorld } from './fault-world';
import { MAX_TEXT_LENGTH, TRUNCATION_MARKER } from './field-caps';
import { resolvePendingRemoval } from './removal';
import { acmeRecord, pagesOf, type LeadsScript } from './test-crm-server';

/** 1,100 leads: pages of 500, 500 and 100. */
const COUNT = 1100;

let world: FaultWorld;
let before: ReturnType<typeof contentOf>;

beforeEach(async () => {
  world = await startFaultWorld(COUNT);
  before = contentOf(await allLeads(world.db));
  expect(before).toHaveLength(COUNT);
});
afterEach(() => world.close());

/** Stored leads are exactly as before the faulty sync, and memberships exact. */
async function expectNothingLost(): Promise<void> {
  expect(contentOf(await allLeads(world.db))).toEqual(before);
  await expectMembershipsExact(world.db);
}

/** The good pages, with page `n`'s answer replaced. */
function withPage(n: number, answer: (page: number, pageSize: number) => ReturnType<LeadsScript>): LeadsScript {
  const good = pagesOf(world.records);
  return (request) => (request.page === n ? answer(request.page, request.pageSize) : good(request));
}

describe('Sync all against a CRM that answers badly (issue 9 item 1)', () => {
  it('a page shorter than the page size before the total removes nothing', async () => {
    world.crm.setLeads(withPage(2, (page, pageSize) => ({ body: { page, pageSize, total: COUNT, results: world.records.slice(500, 600) } })));
    const report = await world.sync();
    expect(report).toMatchObject({ received: 600, deleted: 0, kept: 500, complete: false });
    expect(report.incompleteReason).toBe('Acme CRM said it has 1,100 leads but sent 600.');
    await expectNothingLost();
  });

  it('an empty list ({total: 0, results: []}) asks before removing every lead, and keeps them when told to', async () => {
    world.crm.setLeads(({ page, pageSize }) => ({ body: { page, pageSize, total: 0, results: [] } }));
    const report = await world.sync();
    expect(report).toMatchObject({ received: 0, deleted: 0, kept: COUNT, pendingRemoval: COUNT, complete: true });
    await expectNothingLost();
    expect((await getPendingRemoval(world.db))?.leadIds).toHaveLength(COUNT);
    expect(await resolvePendingRemoval(world.db, false, { now: NOW, timeZone: TIME_ZONE })).toEqual({ deleted: 0, kept: COUNT });
    expect(await getPendingRemoval(world.db)).toBeUndefined();
    await expectNothingLost();
  });

  it('duplicate ids across pages are stored once, reported, and remove nothing', async () => {
    const page2 = [...world.records.slice(0, 250), ...world.records.slice(750, 1000)];
    world.crm.setLeads(withPage(2, (page, pageSize) => ({ body: { page, pageSize, total: COUNT, results: page2 } })));
    const report = await world.sync();
    expect(report.received).toBe(COUNT);
    expect(report.skipped).toHaveLength(250);
    expect(report.skipped[0]).toEqual({ ref: '100001', reason: 'the CRM sent this lead more than once; the first copy was kept' });
    expect(report).toMatchObject({ deleted: 0, kept: 250, complete: false, incompleteReason: '250 records were skipped.' });
    await expectNothingLost();
  });

  it('null, malformed and id-only records are skipped with their reasons; their stored leads stay untouched', async () => {
    const bad: unknown[] = [null, 42, 'text', [], { id: 7 }, { name: 'no id' }, { id: '100003' }, { id: '100004', first_name: null, last_name: null }];
    const results = [...bad, ...world.records.slice(bad.length, 500)];
    world.crm.setLeads(withPage(1, (page, pageSize) => ({ body: { page, pageSize, total: COUNT, results } })));
    const report = await world.sync();
    expect(report.skipped).toEqual([
      { ref: '#1', reason: 'the record is not an object' },
      { ref: '#2', reason: 'the record is not an object' },
      { ref: '#3', reason: 'the record is not an object' },
      { ref: '#4', reason: 'the record is not an object' },
      { ref: '7', reason: 'the record id is a number, not text' },
      { ref: '#6', reason: 'the record has no id' },
      { ref: '100003', reason: 'the record carries only an id, no lead fields' },
    ]);
    expect(report).toMatchObject({ received: COUNT, deleted: 0, partialRecords: 1, complete: false });
    await expectNothingLost();
  });

  it('records whose every value has the wrong type keep every stored value', async () => {
    const wrong = (n: number) => ({
      ...Object.fromEntries(Object.keys(acmeRecord(n)).map((key) => [key, { nested: true }])),
      id: String(100000 + n),
      tags: ['vip'],
      cf_score: 9,
    });
    world.crm.setLeads(pagesOf(world.records.map((record, i) => (i < 40 ? wrong(i + 1) : record))));
    const report = await world.sync();
    expect(report).toMatchObject({ stored: 0, partialRecords: 40, deleted: 0, complete: true });
    expect(report.nulledValues).toBe(40 * 18);
    await expectNothingLost();
  });

  it('what the CRM really changed is applied: one lead edited, one deleted (under 10%)', async () => {
    const records = world.records.filter((r) => r.id !== '100010').map((r) => (r.id === '100002' ? { ...r, status: 'Open', cf_city: '' } : r));
    world.crm.setLeads(pagesOf(records));
    const report = await world.sync();
    expect(report).toMatchObject({ received: COUNT - 1, stored: 1, deleted: 1, complete: true, kept: 0 });
    const after = contentOf(await allLeads(world.db));
    const expected = before
      .filter((lead) => lead.crmId !== '100010')
      .map((lead) => (lead.crmId === '100002' ? { ...lead, status: 'Open', custom: { score: 2 } } : lead));
    expect(after).toEqual(expected);
    await expectMembershipsExact(world.db);
  });

  it('a complete sync that would remove more than 10% asks first, then removes on confirmation', async () => {
    const records = world.records.slice(0, COUNT - 200);
    world.crm.setLeads(pagesOf(records));
    const report = await world.sync();
    expect(report).toMatchObject({ deleted: 0, kept: 200, pendingRemoval: 200, complete: true });
    await expectNothingLost();
    expect(await resolvePendingRemoval(world.db, true, { now: NOW, timeZone: TIME_ZONE })).toEqual({ deleted: 200, kept: 0 });
    expect(contentOf(await allLeads(world.db))).toEqual(before.slice(0, COUNT - 200));
    await expectMembershipsExact(world.db);
  });
});

describe('Sync all against a CRM that never ends, stalls or floods (issue 9 item 2)', () => {
  it('a page repeating the previous one stops the sync', async () => {
    world.crm.setLeads(({ page, pageSize }) => ({ body: { page, pageSize, total: 1_000_000, results: world.records.slice(0, 500) } }));
    const report = await world.sync();
    expect(report.incompleteReason).toBe('Acme CRM sent page 2 with the same records as page 1; the sync stopped there.');
    // Pages 1 and 2, plus page 3, read ahead while page 2 was checked, and never stored.
    expect(world.crm.requests.filter((r) => r.startsWith('/api/leads'))).toHaveLength(3 + 2 + 1);
    await expectNothingLost();
  });

  it('endless new pages stop at the hard cap with a message', async () => {
    world.crm.setLeads(({ page, pageSize }) => ({
      body: { page, pageSize, total: 10_000_000, results: Array.from({ length: pageSize }, (_, i) => acmeRecord(page * pageSize + i)) },
    }));
    const report = await world.sync({ maxRecords: 2000 });
    expect(report.incompleteReason).toBe('The sync stopped after 2,000 leads: Acme CRM kept sending pages past the limit of 2,000 leads per sync.');
    expect(report).toMatchObject({ received: 2000, deleted: 0, complete: false });
    const old = new Set(before.map((lead) => lead.id));
    expect(contentOf((await allLeads(world.db)).filter((lead) => old.has(lead.id)))).toEqual(before);
    await expectMembershipsExact(world.db);
  });

  it('stops at the total even when the CRM keeps sending full pages', async () => {
    world.crm.setLeads(({ page, pageSize }) => ({
      body: { page, pageSize, total: 600, results: Array.from({ length: pageSize }, (_, i) => world.records[((page - 1) * pageSize + i) % COUNT]) },
    }));
    const report = await world.sync();
    expect(world.crm.requests.filter((r) => r.startsWith('/api/leads'))).toHaveLength(3 + 2);
    expect(report).toMatchObject({ received: 1000, deleted: 0, complete: false });
    await expectNothingLost();
  });

  it('a silent server fails with "did not answer within" and removes nothing', async () => {
    world.crm.setLeads(withPage(2, () => ({ hang: true })));
    await expect(world.sync({ limits: { timeoutMs: 50 } })).rejects.toThrow('Acme CRM did not answer within 0.05 s');
    await expectNothingLost();
  });

  it('HTTP 429 waits for Retry-After and retries, then completes', async () => {
    const waits: number[] = [];
    const good = pagesOf(world.records);
    world.crm.setLeads(((calls = 0) => (request) => {
      calls++;
      return calls <= 2 ? { status: 429, headers: { 'retry-after': '2' }, body: {} } : good(request);
    })());
    const report = await world.sync({ limits: { sleep: async (ms) => void waits.push(ms) } });
    expect(waits).toEqual([2000, 2000]);
    expect(report).toMatchObject({ received: COUNT, complete: true, deleted: 0 });
    await expectNothingLost();
  });

  it('HTTP 429 for ever gives up after the bounded retries; a long Retry-After is not waited for', async () => {
    const waits: number[] = [];
    world.crm.setLeads(withPage(2, () => ({ status: 429, body: {} })));
    await expect(world.sync({ limits: { sleep: async (ms) => void waits.push(ms) } })).rejects.toThrow(
      'Acme CRM is limiting requests (HTTP 429) and still refused after 3 retries. Try again in a few minutes.',
    );
    expect(waits).toEqual([1000, 2000, 4000]);
    world.crm.setLeads(withPage(1, () => ({ status: 429, headers: { 'retry-after': '3600' }, body: {} })));
    await expect(world.sync()).rejects.toThrow('Acme CRM asked to wait 3600 s before the next request (HTTP 429). Try again later.');
    await expectNothingLost();
  });

  it('giant fields are stored truncated with a marker and counted', async () => {
    const giant = 'x'.repeat(1_000_000);
    world.crm.setLeads(pagesOf(world.records.map((r) => (r.id === '100005' ? { ...r, first_name: giant, cf_city: giant } : r))));
    const report = await world.sync();
    expect(report.truncatedValues).toBe(2);
    const lead = (await allLeads(world.db)).find((l) => l.crmId === '100005')!;
    expect(lead.name).toHaveLength(MAX_TEXT_LENGTH);
    expect(lead.name.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(lead.custom.city).toBe(lead.name);
    await expectMembershipsExact(world.db);
  });

  it('Cancel aborts the request in flight and removes nothing', async () => {
    const controller = new AbortController();
    world.crm.setLeads(withPage(2, () => ({ hang: true })));
    const sync = world.sync({ signal: controller.signal, onProgress: () => controller.abort() });
    await expect(sync).rejects.toThrow('Sync cancelled. The leads received so far were stored; no lead was removed.');
    await expectNothingLost();
  });

  it('a malformed custom field definition skips that field, not the sync', async () => {
    world.crm.setFields({ body: { results: [{ key: 5 }, null, { key: 'score', label: 'Score', type: 'number' }, { key: 'city', label: 'City', type: 'string' }] } });
    const report = await world.sync();
    expect(report).toMatchObject({ received: COUNT, complete: true, stored: 0 });
    await expectNothingLost();
  });
});
