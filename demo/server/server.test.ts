import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadsCsvError } from './leads-csv';
import { startDemoCrm, type DemoCrm } from './server';

const NOW = '2025-06-01T00:00:00.000Z';
let crm: DemoCrm;

beforeAll(async () => {
  crm = await startDemoCrm({ port: 0, now: NOW });
});
afterAll(async () => {
  await crm?.close();
});

async function getJson(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fetch(`${crm.url}${path}`, init);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: await response.json() };
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const patch = (id: string, body: unknown) => getJson(`/api/leads/${id}`, { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify(body) });
const switchUser = (userId: string) => getJson('/api/me', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ userId }) });

describe('demo CRM server', () => {
  it('listens on the free port it was given and reports its reference time', () => {
    expect(crm.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(crm.port).toBeGreaterThan(0);
    expect(crm.now).toBe(Date.parse(NOW));
    expect(crm.leadCount).toBe(9240);
  });

  it('pages through the leads, 50 by default, every value a string', async () => {
    const first = await getJson('/api/leads');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 50, total: 9240 });
    expect(first.body.results).toHaveLength(50);
    for (const record of first.body.results) {
      expect(Object.values(record).every((v) => typeof v === 'string')).toBe(true);
    }
    // default order: newest first
    expect(first.body.results[0].id).toBe('660737');

    const second = await getJson('/api/leads?page=2');
    const firstIds = new Set(first.body.results.map((r: any) => r.id));
    expect(second.body.results).toHaveLength(50);
    expect(second.body.results.some((r: any) => firstIds.has(r.id))).toBe(false);
    const last = await getJson('/api/leads?page=10&pageSize=1000&sort=id&dir=asc');
    expect(last.body.results).toHaveLength(240);
    expect(last.body.results.at(-1).id).toBe('660737');
    const past = await getJson('/api/leads?page=200&pageSize=50');
    expect(past.body.results).toEqual([]);
    expect(past.body.total).toBe(9240);
  });

  it('sorts by a column in both directions, empty values last', async () => {
    const asc = await getJson('/api/leads?sort=id&dir=asc&pageSize=2');
    expect(asc.body.results.map((r: any) => r.id)).toEqual(['579533', '579538']);
    const byPriority = await getJson('/api/leads?sort=priority&dir=asc&pageSize=1000&page=1');
    expect(byPriority.body.results.every((r: any) => r.priority === 'High')).toBe(false);
    expect(byPriority.body.results.slice(0, 637).every((r: any) => r.priority === 'High')).toBe(true);
    const lastPage = await getJson('/api/leads?sort=priority&dir=desc&pageSize=50&page=185');
    expect(lastPage.body.results.every((r: any) => r.priority === '')).toBe(true);
    const byName = await getJson('/api/leads?sort=name&dir=desc&pageSize=20');
    const names = byName.body.results.map((r: any) => `${r.first_name} ${r.last_name}`.toLowerCase());
    expect([...names].sort().reverse()).toEqual(names);
  });

  it('searches name, email, company, id, source and country', async () => {
    const google = await getJson('/api/leads?q=GOOGLE&pageSize=1000');
    expect(google.body.total).toBe(2873);
    expect(google.body.results.every((r: any) => r.lead_source.toLowerCase() === 'google')).toBe(true);
    const byId = await getJson('/api/leads?q=658278');
    expect(byId.body.results.map((r: any) => r.id)).toEqual(['658278']);
    const none = await getJson('/api/leads?q=no-such-lead-anywhere');
    expect(none.body).toMatchObject({ total: 0, results: [] });
    const filtered = await getJson('/api/leads?status=Converted&pageSize=1');
    expect(filtered.body.total).toBe(3561);
  });

  it('rejects bad list parameters with a JSON 400 naming the parameter', async () => {
    for (const [query, word] of [
      ['pageSize=0', 'pageSize'],
      ['pageSize=5000', 'pageSize'],
      ['page=abc', 'page'],
      ['sort=password', 'sort'],
      ['dir=up', 'dir'],
      ['status=Won', 'status'],
    ] as const) {
      const { status, body } = await getJson(`/api/leads?${query}`);
      expect(status).toBe(400);
      expect(body.code).toBe('invalid');
      expect(body.error).toContain(word);
    }
  });

  it('returns one lead, or a 404 JSON error for an unknown id', async () => {
    const found = await getJson('/api/leads/658278');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: '658278', tags: 'Interested  in full time MBA', campaigns: 'chat:participating:replied' });
    const missing = await getJson('/api/leads/1');
    expect(missing).toEqual({ status: 404, body: { error: 'Lead 1 not found', code: 'not_found' } });
  });

  it('edits a status in memory, bumps updated_at, and validates the body', async () => {
    const before = (await getJson('/api/leads/660737')).body;
    expect(before.status).toBe('Contacted');
    const changed = await patch('660737', { status: 'Qualified' });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('Qualified');
    expect(Date.parse(changed.body.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect((await getJson('/api/leads/660737')).body.status).toBe('Qualified');
    expect((await getJson('/api/leads?status=Qualified')).body.results.map((r: any) => r.id)).toEqual(['660737']);

    expect((await patch('660737', { status: 'Won' })).status).toBe(400);
    expect((await patch('660737', { status: 'New', email: 'x@y' })).status).toBe(400);
    expect((await patch('660737', {})).status).toBe(400);
    expect((await patch('1', { status: 'New' })).status).toBe(404);
    const notJson = await getJson('/api/leads/660737', { method: 'PATCH', headers: JSON_HEADERS, body: '{nope' });
    expect(notJson).toEqual({ status: 400, body: { error: 'The request body must be JSON', code: 'invalid' } });
    const formPost = await getJson('/api/leads/660737', { method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: '{"status":"New"}' });
    expect(formPost.status).toBe(415);
    expect((await getJson('/api/leads/660737')).body.status).toBe('Qualified');
  });

  it('lists only the leads updated at or after updated_since, and says the CRM time it answered at', async () => {
    const before = await getJson('/api/leads?pageSize=1');
    const asOf = before.body.server_time as string;
    expect(Date.parse(asOf)).toBeGreaterThanOrEqual(Date.parse(NOW));
    const none = await getJson(`/api/leads?updated_since=${encodeURIComponent(asOf)}&pageSize=1000`);
    expect(none.body.results.map((r: any) => r.id).filter((id: string) => id !== '660737')).toEqual([]);
    expect((await patch('658278', { status: 'Lost' })).status).toBe(200);
    const changed = await getJson(`/api/leads?updated_since=${encodeURIComponent(asOf)}&sort=updated_at&dir=asc&pageSize=1000`);
    expect(changed.body.results.map((r: any) => r.id)).toContain('658278');
    expect(changed.body.total).toBe(changed.body.results.length);
    expect(changed.body.total).toBeLessThanOrEqual(2);
    expect(changed.body.results.every((r: any) => Date.parse(r.updated_at) >= Date.parse(asOf))).toBe(true);
    // An ISO time well before the dataset returns everything.
    expect((await getJson('/api/leads?updated_since=2000-01-01T00:00:00Z&pageSize=1')).body.total).toBe(9240);
    for (const bad of ['yesterday', '2025-06-01', '2025-13-01T00:00:00Z']) {
      const { status, body } = await getJson(`/api/leads?updated_since=${encodeURIComponent(bad)}`);
      expect(status).toBe(400);
      expect(body.error).toContain('updated_since');
    }
  });

  it('lists the four campaigns and the custom field definitions', async () => {
    const campaigns = (await getJson('/api/campaigns')).body.results;
    expect(campaigns.map((c: any) => [c.id, c.name, c.status])).toEqual([
      ['email', 'Course Launch Email', 'Active'],
      ['sms', 'SMS Follow-up', 'Active'],
      ['chat', 'Website Chat Outreach', 'Paused'],
      ['webinar', 'Spring Webinar', 'Completed'],
    ]);
    expect(campaigns[0].excluded).toBe('734');
    const fields = (await getJson('/api/fields')).body.results;
    expect(fields.map((f: any) => f.key)).toEqual([
      'total_visits', 'time_on_site_s', 'page_views_per_visit', 'activity_score', 'profile_score',
      'last_activity', 'last_notable_activity', 'specialization', 'occupation', 'city', 'lead_quality',
      'do_not_email', 'do_not_call', 'prospect_id',
    ]);
    const specialization = fields.find((f: any) => f.key === 'specialization');
    expect(specialization.type).toBe('enumeration');
    expect(specialization.options).toContain('Banking, Investment And Insurance');
    expect(specialization.options).not.toContain('Select');
    expect(specialization.options).not.toContain('');
  });

  it('shows and switches the current user', async () => {
    const me = await getJson('/api/me');
    expect(me.body).toMatchObject({ id: 'u-olivia', role: 'owner', org_id: 'org-acme' });
    const users = (await getJson('/api/users')).body.results;
    expect(users.map((u: any) => u.role)).toEqual(['owner', 'admin', 'member']);
    const switched = await switchUser('u-priya');
    expect(switched.body).toMatchObject({ id: 'u-priya', name: 'Priya Shah', role: 'member' });
    expect((await getJson('/api/me')).body.id).toBe('u-priya');
    expect((await switchUser('u-nobody')).status).toBe(400);
    expect((await getJson('/api/me', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"userId":"u-marcus"}' })).status).toBe(415);
    expect((await switchUser('u-olivia')).body.id).toBe('u-olivia');
  });

  it('answers unknown API paths with 404 and wrong methods with 405', async () => {
    expect(await getJson('/api/nothing')).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const wrong = await getJson('/api/leads', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
  });

  it('serves the app shell with the Acme page marker on every page route, and the bundle', async () => {
    for (const path of ['/leads', '/leads/658278', '/campaigns']) {
      const response = await fetch(`${crm.url}${path}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<meta name="crm" content="acme-demo">');
      expect(html).toContain('<script type="module" src="/assets/app.js">');
    }
    expect((await fetch(`${crm.url}/somewhere-else`)).status).toBe(404);
    const root = await fetch(`${crm.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/leads');
    const js = await fetch(`${crm.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toContain('data-lead-id');
    const css = await fetch(`${crm.url}/assets/app.css`);
    expect(await css.text()).toContain('.leads-table');
  });
});

describe('starting without the dataset', () => {
  it('rejects with a one-line LeadsCsvError', async () => {
    await expect(startDemoCrm({ port: 0, csvPath: '/nonexistent/Leads.csv' })).rejects.toBeInstanceOf(LeadsCsvError);
  });

  it('the CLI prints one clear line and exits 1', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
      cwd: root,
      env: { ...process.env, DEMO_LEADS_CSV: '/nonexistent/Leads.csv', DEMO_PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Acme CRM cannot start: Leads CSV not found at /nonexistent/Leads.csv — set DEMO_LEADS_CSV to the path of Leads.csv');
  });
});
