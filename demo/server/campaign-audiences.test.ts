import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from './server';

let crm: DemoCrm;

beforeAll(async () => {
  crm = await startDemoCrm({ port: 0, now: '2025-06-01T00:00:00.000Z' });
});
afterAll(async () => {
  await crm?.close();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${crm.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const emailCampaign = async () => (await call('GET', '/api/campaigns')).body.results.find((c: any) => c.id === 'email');
const allIds = async (): Promise<string[]> => (await call('GET', '/api/leads?pageSize=1000&sort=id&dir=asc')).body.results.map((r: any) => r.id);

describe('campaign audiences sent by CRM Segments', () => {
  it('shows nothing sent before the first send', async () => {
    const email = await emailCampaign();
    expect(email.segments_audience).toBe('');
    expect(email.segments_audience_at).toBe('');
    expect((await call('GET', '/api/campaigns/email/audience')).status).toBe(404);
  });

  it('stores an audience, lists its count on the campaign, and replaces it on the next send', async () => {
    const ids = await allIds();
    const first = await call('PUT', '/api/campaigns/email/audience', { leadIds: ids });
    expect(first).toEqual({ status: 200, body: { campaignId: 'email', stored: 1000 } });
    expect((await emailCampaign()).segments_audience).toBe('1000');
    expect(Date.parse((await emailCampaign()).segments_audience_at)).toBeGreaterThan(0);
    const second = await call('PUT', '/api/campaigns/email/audience', { leadIds: ids.slice(0, 3) });
    expect(second.body.stored).toBe(3);
    expect((await emailCampaign()).segments_audience).toBe('3');
    expect((await call('GET', '/api/campaigns/email/audience')).body.leadIds).toEqual(ids.slice(0, 3));
    const sms = (await call('GET', '/api/campaigns')).body.results.find((c: any) => c.id === 'sms');
    expect(sms.segments_audience).toBe('');
  });

  it('refuses unknown leads, repeated leads, a bad body or an unknown campaign, and keeps what it had', async () => {
    const ids = (await allIds()).slice(0, 3);
    await call('PUT', '/api/campaigns/email/audience', { leadIds: ids });
    const unknown = await call('PUT', '/api/campaigns/email/audience', { leadIds: [ids[0], 'no-such-lead'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('1 lead ids are not leads of this CRM (first: no-such-lead)');
    expect((await call('PUT', '/api/campaigns/email/audience', { leadIds: [ids[0], ids[0]] })).status).toBe(400);
    expect((await call('PUT', '/api/campaigns/email/audience', { leadIds: 'all' })).body.error).toBe('leadIds must be an array of lead ids');
    expect((await call('PUT', '/api/campaigns/nope/audience', { leadIds: [] })).status).toBe(404);
    expect((await emailCampaign()).segments_audience).toBe('3');
  });

  it('accepts every lead of the dataset in one send (bodies beyond the usual 16 KiB)', async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 10; page++) {
      ids.push(...(await call('GET', `/api/leads?page=${page}&pageSize=1000&sort=id&dir=asc`)).body.results.map((r: any) => r.id));
    }
    expect(ids).toHaveLength(9240);
    expect((await call('PUT', '/api/campaigns/sms/audience', { leadIds: ids })).body.stored).toBe(9240);
  });
});
