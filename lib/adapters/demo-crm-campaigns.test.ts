import { describe, expect, it } from 'vitest';
import { campaignChannel, sendDemoCampaignAudience } from './demo-crm-campaigns';
import { demoCrmAdapter } from './demo-crm';
import type { FetchFn } from './types';

const ORIGIN = 'http://127.0.0.1:5174';

/** A fetch that records the request and answers with `status` and `body` (JSON unless a string). */
function recordingFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchFn: FetchFn = async (url, init) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetchFn };
}

describe('Acme campaign channels', () => {
  it('maps Acme channel labels, anything unknown to "other"', () => {
    expect(['Email', ' sms ', 'Chat', 'WEBINAR', 'Fax', ''].map(campaignChannel)).toEqual(['email', 'sms', 'chat', 'webinar', 'other', 'other']);
  });
});

describe('sendDemoCampaignAudience', () => {
  it('PUTs the lead ids as JSON to the campaign audience endpoint and returns the stored count', async () => {
    const { calls, fetchFn } = recordingFetch(200, { campaignId: 'email', stored: 2 });
    await expect(demoCrmAdapter.sendCampaignAudience!(ORIGIN, 'email', ['660737', '660728'], fetchFn)).resolves.toEqual({ stored: 2 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/campaigns/email/audience`);
    expect(calls[0]!.init?.method).toBe('PUT');
    expect(new Headers(calls[0]!.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ leadIds: ['660737', '660728'] });
  });

  it('encodes the campaign id in the path', async () => {
    const { calls, fetchFn } = recordingFetch(200, { campaignId: 'a/b', stored: 0 });
    await sendDemoCampaignAudience(ORIGIN, 'a/b', [], fetchFn);
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/campaigns/a%2Fb/audience`);
  });

  it('passes on Acme\'s refusal', async () => {
    const { fetchFn } = recordingFetch(400, { error: '1 lead ids are not leads of this CRM (first: x)', code: 'invalid' });
    await expect(sendDemoCampaignAudience(ORIGIN, 'email', ['x'], fetchFn)).rejects.toThrow(
      'Acme CRM refused the audience of campaign email (HTTP 400): 1 lead ids are not leads of this CRM (first: x)',
    );
  });

  it('rejects an answer that is not JSON, of the wrong shape, or storing a different count', async () => {
    await expect(sendDemoCampaignAudience(ORIGIN, 'email', ['1'], recordingFetch(200, '<html>').fetchFn)).rejects.toThrow('not JSON');
    await expect(sendDemoCampaignAudience(ORIGIN, 'email', ['1'], recordingFetch(200, { ok: true }).fetchFn)).rejects.toThrow(
      'unexpected response',
    );
    await expect(sendDemoCampaignAudience(ORIGIN, 'email', ['1', '2'], recordingFetch(200, { campaignId: 'email', stored: 1 }).fetchFn)).rejects.toThrow(
      'Acme CRM stored 1 of the 2 leads sent for campaign email',
    );
  });

  it('says the CRM is unreachable when fetch fails', async () => {
    const failing: FetchFn = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(sendDemoCampaignAudience(ORIGIN, 'email', [], failing)).rejects.toThrow(`Acme CRM is not reachable at ${ORIGIN} — is it running?`);
  });
});
