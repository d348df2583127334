import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../demo/server/server';
import type { CustomFieldDef, Lead } from '../schema';
import { demoCrmAdapter as adapter, SYNC_PAGE_SIZE } from './demo-crm';
import { CrmApiError } from './errors';
import type { FetchFn, LeadConversion, LeadPage } from './types';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
const RECORDS = fixture<Array<Record<string, string>>>('demo-leads.json');
const FIELDS_BODY = fixture<{ results: unknown[] }>('demo-fields.json');
const CAMPAIGNS_BODY = fixture<{ results: unknown[] }>('demo-campaigns.json');
const ME_BODY = fixture<Record<string, string>>('demo-me.json');
const LIST_BODY = fixture<{ page: number; pageSize: number; total: number; results: unknown[] }>('demo-list-page.json');

const CRM_KEY = 'demo@127.0.0.1:5174';
const ORIGIN = 'http://127.0.0.1:5174';
const SYNCED_AT = Date.parse('2025-06-02T00:00:00.000Z');

/** Custom field definitions the way the adapter discovers them from the saved /api/fields. */
let FIELDS: CustomFieldDef[];

const jsonResponse = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake fetch answering from a path → response table (and recording the URLs asked). */
function fakeFetch(routes: Record<string, () => Response | Promise<Response>>): FetchFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (input: string) => {
    calls.push(input);
    const path = input.slice(ORIGIN.length);
    const route = routes[path] ?? routes[path.split('?')[0] ?? ''];
    if (!route) return jsonResponse({ error: `no route ${path}`, code: 'not_found' }, 404);
    return route();
  }) as FetchFn & { calls: string[] };
  fn.calls = calls;
  return fn;
}

beforeAll(async () => {
  FIELDS = await adapter.fetchCustomFields(ORIGIN, fakeFetch({ '/api/fields': () => jsonResponse(FIELDS_BODY) }));
});

const convert = (record: unknown): LeadConversion => adapter.toLead(record, { crmKey: CRM_KEY, syncedAt: SYNCED_AT, customFields: FIELDS });

function leadOf(id: string, patch: Record<string, unknown> = {}): { lead: Lead; nulledValues: number; nulledFields: string[]; missingFields?: string[] } {
  const record = RECORDS.find((r) => r.id === id);
  if (!record) throw new Error(`fixture ${id} missing`);
  const result = convert({ ...record, ...patch });
  if (!result.ok) throw new Error(`conversion failed: ${result.reason}`);
  return result;
}

describe('URLs and keys', () => {
  it('makes one crmKey per loopback CRM, localhost and 127.0.0.1 alike', () => {
    expect(adapter.crmKey(new URL('http://127.0.0.1:5174/leads'))).toBe('demo@127.0.0.1:5174');
    expect(adapter.crmKey(new URL('http://localhost:5174/leads/1'))).toBe('demo@127.0.0.1:5174');
    expect(adapter.crmKey(new URL('http://127.0.0.1:9000/campaigns'))).toBe('demo@127.0.0.1:9000');
    expect(adapter.originOf('demo@127.0.0.1:9000')).toBe('http://127.0.0.1:9000');
    expect(adapter.originOf('other@127.0.0.1:9000')).toBeUndefined();
    expect(adapter.leadUrl(ORIGIN, '660737')).toBe('http://127.0.0.1:5174/leads/660737');
  });
});

describe('toLead on saved API records (tricky cases)', () => {
  it('converts a full record: numbers, dates, booleans, lists, campaigns, custom fields', () => {
    const { lead, nulledValues } = leadOf('660321');
    expect(nulledValues).toBe(0);
    expect(lead).toMatchObject({
      id: 'demo@127.0.0.1:5174/660321',
      crmKey: CRM_KEY,
      crmId: '660321',
      source: 'Referral Sites',
      groupName: 'API',
      status: 'Converted',
      priority: 'High',
      country: 'India',
      language: 'Hindi',
      tags: ['Will revert after reading the email'],
      campaigns: [{ campaignId: 'email', state: 'participating', response: 'opened' }],
      syncedAt: SYNCED_AT,
      createdAt: Date.parse('2025-05-29T05:36:25.961Z'),
      lastContactAt: Date.parse('2025-06-01T00:00:00.000Z'),
      crmUpdatedAt: Date.parse('2025-06-01T00:00:00.000Z'),
    });
    expect(lead.name).toMatch(/^\S+ \S+$/);
    expect(lead.email).toMatch(/^[a-z]+\.[a-z]+\.660321@example\.com$/);
    expect(lead.custom).toMatchObject({
      total_visits: 3,
      page_views_per_visit: 3,
      activity_score: 14,
      do_not_email: false,
      do_not_call: false,
      specialization: 'Human Resource Management',
      city: 'Thane & Outskirts',
      lead_quality: 'High in Relevance',
    });
    expect(typeof lead.custom.time_on_site_s).toBe('number');
  });

  it('leaves blank numbers empty without counting them', () => {
    const { lead, nulledValues } = leadOf('659722');
    expect(nulledValues).toBe(0);
    for (const key of ['total_visits', 'page_views_per_visit', 'last_activity']) expect(lead.custom).not.toHaveProperty(key);
    expect(lead.lastContactAt).toBeUndefined();
    expect(lead.custom).toMatchObject({ time_on_site_s: 1096, activity_score: 14, profile_score: 15 });
  });

  it('keeps "Select" placeholders out (the CRM sends them as empty)', () => {
    const { lead } = leadOf('660737');
    expect(lead.custom).not.toHaveProperty('specialization');
    expect(lead.custom).not.toHaveProperty('city');
    expect(lead.custom.total_visits).toBe(0);
    expect(lead.country).toBeUndefined();
    expect(lead.language).toBeUndefined();
    expect(lead.campaigns).toEqual([]);
  });

  it('keeps a value with a comma whole', () => {
    expect(leadOf('660471').lead.custom.specialization).toBe('Banking, Investment And Insurance');
  });

  it('keeps mixed-case sources as the CRM has them', () => {
    expect(leadOf('659094').lead.source).toBe('google');
    expect(leadOf('660681').lead.source).toBe('Google');
  });

  it('keeps the double-spaced tag exactly', () => {
    expect(leadOf('658278').lead.tags).toEqual(['Interested  in full time MBA']);
  });

  it('reads the Do Not Email exclusion from the campaigns string', () => {
    expect(leadOf('651289').lead.campaigns).toEqual([{ campaignId: 'email', state: 'excluded', response: 'opened' }]);
    const both = leadOf('655260').lead;
    expect(both.campaigns).toEqual([
      { campaignId: 'sms', state: 'participating' },
      { campaignId: 'email', state: 'excluded' },
    ]);
    expect(both.tags).toEqual(['Already a student', 'do-not-email', 'ebook']);
    expect(both.custom.do_not_email).toBe(true);
    expect(leadOf('587905').lead.campaigns).toEqual([{ campaignId: 'email', state: 'excluded', response: 'unsubscribed' }]);
  });

  it('stores unconvertible values as null (custom) or leaves them out (standard) and counts them', () => {
    const result = leadOf('660321', {
      cf_total_visits: '1,234',
      cf_do_not_email: 'Maybe',
      cf_activity_score: 14,
      created_at: 'last Tuesday',
      campaigns: 'email:participating:opened;sms:maybe:;chat:participating:loved',
      status: 42,
    });
    expect(result.lead.custom.total_visits).toBeNull();
    expect(result.lead.custom.do_not_email).toBeNull();
    expect(result.lead.custom.activity_score).toBeNull();
    expect(result.lead.createdAt).toBeUndefined();
    expect(result.lead.status).toBeUndefined();
    expect(result.lead.campaigns).toEqual([
      { campaignId: 'email', state: 'participating', response: 'opened' },
      { campaignId: 'chat', state: 'participating' },
    ]);
    expect(result.nulledValues).toBe(7);
    expect(result.nulledFields.sort()).toEqual(['campaigns', 'createdAt', 'custom.activity_score', 'custom.do_not_email', 'custom.total_visits', 'status'].sort());
    // Values of the wrong JSON type are also "missing": a stored lead keeps its value for them.
    expect(result.missingFields?.sort()).toEqual(['custom.activity_score', 'status']);
  });

  it('stores dates with years 0000–0099 as null (custom) or leaves them out, and counts them (issue 9)', () => {
    const result = adapter.toLead(
      { ...RECORDS[0], created_at: '0023-05-01T00:00:00.000Z', last_contact_at: '0099-12-31' },
      { crmKey: CRM_KEY, syncedAt: SYNCED_AT, customFields: [{ key: 'signed', label: 'Signed', type: 'date' }] },
    );
    const withCustom = adapter.toLead(
      { ...RECORDS[0], cf_signed: '0001-01-01' },
      { crmKey: CRM_KEY, syncedAt: SYNCED_AT, customFields: [{ key: 'signed', label: 'Signed', type: 'date' }] },
    );
    expect(result.ok && [result.lead.createdAt, result.lead.lastContactAt, result.nulledFields.sort()]).toEqual([
      undefined,
      undefined,
      ['createdAt', 'lastContactAt'],
    ]);
    expect(withCustom.ok && [withCustom.lead.custom.signed, withCustom.nulledValues]).toEqual([null, 1]);
  });

  it('reads a campaign response time when the CRM sends one', () => {
    const { lead } = leadOf('660321', { campaigns: 'email:participating:clicked:2025-05-30T10:00:00.000Z' });
    expect(lead.campaigns).toEqual([{ campaignId: 'email', state: 'participating', response: 'clicked', respondedAt: Date.parse('2025-05-30T10:00:00.000Z') }]);
  });

  it('uses custom fields only as the definitions say', () => {
    const result = adapter.toLead(RECORDS[0], { crmKey: CRM_KEY, syncedAt: SYNCED_AT, customFields: [{ key: 'total_visits', label: 'Visits', type: 'text' }] });
    expect(result.ok && result.lead.custom).toEqual({ total_visits: RECORDS[0]?.cf_total_visits });
  });

  it('skips records that are not objects or have no id, with a reason', () => {
    expect(convert(null)).toEqual({ ok: false, ref: '', reason: 'the record is not an object' });
    expect(convert(['660321'])).toEqual({ ok: false, ref: '', reason: 'the record is not an object' });
    expect(convert({ first_name: 'A' })).toEqual({ ok: false, ref: '', reason: 'the record has no id' });
    expect(convert({ id: '  ' })).toMatchObject({ ok: false, reason: 'the record has no id' });
    expect(convert({ id: 660321 })).toEqual({ ok: false, ref: '660321', reason: 'the record id is a number, not text' });
  });

  it('refuses a record that carries only an id (it would blank the stored lead, issue 9)', () => {
    expect(convert({ id: '42' })).toEqual({ ok: false, ref: '42', reason: 'the record carries only an id, no lead fields' });
  });

  it('accepts a minimal record and names the fields it did not carry', () => {
    const result = convert({ id: '42', first_name: 'Ana', last_name: '', tags: null });
    expect(result).toMatchObject({
      ok: true,
      lead: { id: `${CRM_KEY}/42`, crmKey: CRM_KEY, crmId: '42', name: 'Ana', tags: [], campaigns: [], custom: {}, syncedAt: SYNCED_AT },
      nulledValues: 0,
      nulledFields: [],
    });
    const missing = result.ok ? (result.missingFields ?? []) : [];
    expect(missing).toContain('tags');
    expect(missing).toContain('email');
    expect(missing).not.toContain('name');
  });
});

describe('API calls', () => {
  it('discovers custom fields with SPEC types and options', () => {
    expect(FIELDS).toHaveLength(14);
    expect(FIELDS.find((f) => f.key === 'total_visits')).toEqual({ key: 'total_visits', label: 'Total visits', type: 'number' });
    expect(FIELDS.find((f) => f.key === 'do_not_email')?.type).toBe('boolean');
    expect(FIELDS.find((f) => f.key === 'prospect_id')?.type).toBe('text');
    const city = FIELDS.find((f) => f.key === 'city');
    expect(city?.type).toBe('select');
    expect(city?.options).toContain('Thane & Outskirts');
  });

  it('drops fields of a type it does not know', async () => {
    const fields = await adapter.fetchCustomFields(
      ORIGIN,
      fakeFetch({ '/api/fields': () => jsonResponse({ results: [{ key: 'photo', label: 'Photo', type: 'file' }, { key: 'x', label: 'X', type: 'number' }] }) }),
    );
    expect(fields).toEqual([{ key: 'x', label: 'X', type: 'number' }]);
  });

  it('reads campaigns with lower-case statuses and channels, and no segments', async () => {
    const campaigns = await adapter.fetchCampaigns(ORIGIN, fakeFetch({ '/api/campaigns': () => jsonResponse(CAMPAIGNS_BODY) }));
    expect(campaigns).toEqual([
      { id: 'email', crmKey: CRM_KEY, name: 'Course Launch Email', status: 'active', channel: 'email', segmentIds: [] },
      { id: 'sms', crmKey: CRM_KEY, name: 'SMS Follow-up', status: 'active', channel: 'sms', segmentIds: [] },
      { id: 'chat', crmKey: CRM_KEY, name: 'Website Chat Outreach', status: 'paused', channel: 'chat', segmentIds: [] },
      { id: 'webinar', crmKey: CRM_KEY, name: 'Spring Webinar', status: 'completed', channel: 'webinar', segmentIds: [] },
    ]);
  });

  it('reads the current user', async () => {
    const user = await adapter.fetchCurrentUser(ORIGIN, fakeFetch({ '/api/me': () => jsonResponse(ME_BODY) }));
    expect(user).toEqual({ userId: 'u-olivia', name: 'Olivia Bennett', role: 'owner', orgId: 'org-acme' });
  });

  it('fetches one lead, and null only for Acme\'s own 404', async () => {
    const fetchFn = fakeFetch({ '/api/leads/658278': () => jsonResponse(RECORDS.find((r) => r.id === '658278')) });
    expect(await adapter.fetchLead(ORIGIN, '658278', fetchFn)).toMatchObject({ id: '658278' });
    expect(await adapter.fetchLead(ORIGIN, '1', fetchFn)).toBeNull();
    const foreign404 = fakeFetch({ '/api/leads/1': () => new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }) });
    await expect(adapter.fetchLead(ORIGIN, '1', foreign404)).rejects.toThrow('Acme CRM answered /api/leads/1 with HTTP 404');
  });

  it('pages through all leads with progress', async () => {
    const page = (n: number, count: number) => ({ page: n, pageSize: SYNC_PAGE_SIZE, total: 1200, results: Array.from({ length: count }, (_, i) => ({ id: String(n * 1000 + i) })) });
    const fetchFn = fakeFetch({
      [`/api/leads?page=1&pageSize=${SYNC_PAGE_SIZE}&sort=id&dir=asc`]: () => jsonResponse(page(1, 500)),
      [`/api/leads?page=2&pageSize=${SYNC_PAGE_SIZE}&sort=id&dir=asc`]: () => jsonResponse(page(2, 500)),
      [`/api/leads?page=3&pageSize=${SYNC_PAGE_SIZE}&sort=id&dir=asc`]: () => jsonResponse(page(3, 200)),
    });
    const progress: Array<[number, number | undefined, number]> = [];
    for await (const p of adapter.fetchAllLeads(ORIGIN, fetchFn)) progress.push([p.done, p.total, p.records.length]);
    expect(progress).toEqual([
      [500, 1200, 500],
      [1000, 1200, 500],
      [1200, 1200, 200],
    ]);
    expect(fetchFn.calls).toHaveLength(3);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const fetchFn = fakeFetch({ '/api/leads': () => jsonResponse({ page: 1, pageSize: 500, total: 5000, results: Array.from({ length: 500 }, (_, i) => ({ id: String(i) })) }) });
    const pages: LeadPage[] = [];
    await expect(
      (async () => {
        for await (const p of adapter.fetchAllLeads(ORIGIN, fetchFn, controller.signal)) {
          pages.push(p);
          controller.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    expect(pages).toHaveLength(1);
  });

  it('says plainly when the CRM is not running', async () => {
    const down: FetchFn = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await adapter.fetchCampaigns(ORIGIN, down).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmApiError);
    expect((error as Error).message).toBe('Acme CRM is not reachable at http://127.0.0.1:5174 — is it running?');
    const iterator = adapter.fetchAllLeads(ORIGIN, down)[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow('Acme CRM is not reachable at http://127.0.0.1:5174 — is it running?');
  });

  it('names what is wrong with a garbage or wrong-shaped response', async () => {
    const html = fakeFetch({ '/api/leads': () => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }) });
    await expect(adapter.fetchAllLeads(ORIGIN, html)[Symbol.asyncIterator]().next()).rejects.toThrow(
      /^Acme CRM sent a response that is not JSON for \/api\/leads\?page=1&pageSize=500&sort=id&dir=asc \(text\/html\)$/,
    );
    const shape = fakeFetch({ '/api/leads': () => jsonResponse({ page: 1, total: 'many', results: {} }) });
    const error = await adapter.fetchAllLeads(ORIGIN, shape)[Symbol.asyncIterator]().next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmApiError);
    expect((error as Error).message).toMatch(/^Acme CRM sent an unexpected response for \/api\/leads.*: .*pageSize.*total.*results/);
    const wrongPage = fakeFetch({ '/api/leads': () => jsonResponse({ ...LIST_BODY, page: 7 }) });
    await expect(adapter.fetchAllLeads(ORIGIN, wrongPage)[Symbol.asyncIterator]().next()).rejects.toThrow(/returned page 7/);
    const badRole = fakeFetch({ '/api/me': () => jsonResponse({ ...ME_BODY, role: 'superuser' }) });
    await expect(adapter.fetchCurrentUser(ORIGIN, badRole)).rejects.toThrow(/unexpected response for \/api\/me: role/);
    const serverError = fakeFetch({ '/api/campaigns': () => jsonResponse({ error: 'database is down', code: 'internal' }, 500) });
    await expect(adapter.fetchCampaigns(ORIGIN, serverError)).rejects.toThrow('Acme CRM answered /api/campaigns with HTTP 500: database is down');
  });
});

describe('against the running demo CRM (real dataset)', () => {
  let crm: DemoCrm;
  beforeAll(async () => {
    crm = await startDemoCrm({ port: 0, now: '2025-06-01T00:00:00.000Z' });
  });
  afterAll(async () => {
    await crm?.close();
  });

  it('syncs all 9,240 leads, every one converting cleanly', async () => {
    const fetchFn: FetchFn = (input, init) => fetch(input, init);
    const fields = await adapter.fetchCustomFields(crm.url, fetchFn);
    const crmKey = adapter.crmKey(new URL(`${crm.url}/leads`));
    const leads: Lead[] = [];
    const progress: number[] = [];
    let nulled = 0;
    for await (const page of adapter.fetchAllLeads(crm.url, fetchFn)) {
      progress.push(page.done);
      expect(page.total).toBe(9240);
      for (const record of page.records) {
        const result = adapter.toLead(record, { crmKey, syncedAt: SYNCED_AT, customFields: fields });
        if (!result.ok) throw new Error(result.reason);
        nulled += result.nulledValues;
        leads.push(result.lead);
      }
    }
    expect(progress).toEqual(Array.from({ length: 19 }, (_, i) => Math.min(9240, (i + 1) * 500)));
    expect(leads).toHaveLength(9240);
    expect(nulled).toBe(0);
    const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();
    expect(leads.filter((l) => norm(l.source) === 'google')).toHaveLength(2873);
    expect(leads.filter((l) => l.priority === 'High' && norm(l.country) === 'india')).toHaveLength(380);
    expect(leads.filter((l) => l.campaigns.some((c) => c.campaignId === 'email' && c.state === 'excluded'))).toHaveLength(734);
    expect(leads.filter((l) => typeof l.custom.total_visits === 'number')).toHaveLength(9240 - 137);
    expect(await adapter.fetchLead(crm.url, 'no-such-lead', fetchFn)).toBeNull();
    expect(await adapter.fetchCurrentUser(crm.url, fetchFn)).toMatchObject({ role: 'owner' });
  });
});
