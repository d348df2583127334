import { describe, expect, it } from 'vitest';
import type { FetchFn } from '../adapters/types';
import { audienceFingerprint, getCampaign, getCampaignSends, putCampaigns, upsertCrmCampaigns } from '../db';
import type { Campaign, Lead } from '../schema';
import { createSegment, deactivateSegment, deleteSegment, ingestLeads } from '../segments';
import { NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from '../segments/test-support';
import { loadCampaignAudience } from './audience-store';
import { ACTIVATE_FIRST, attachSegmentToCampaign, detachSegmentFromCampaign } from './campaign-targets';
import { sendAudienceToCrm } from './send-audience';

const CRM_KEY = 'demo@127.0.0.1:5174';
const at = { now: NOW, timeZone: TIME_ZONE };
const run = { timeZone: TIME_ZONE, clock: () => NOW };

const crmLead = (crmId: string, overrides: Partial<Lead> = {}): Lead =>
  makeLead(crmId, { id: `${CRM_KEY}/${crmId}`, crmKey: CRM_KEY, ...overrides });

const campaign = (id: string, overrides: Partial<Campaign> = {}): Campaign => ({
  id,
  crmKey: CRM_KEY,
  name: `Campaign ${id}`,
  status: 'active',
  channel: 'email',
  segmentIds: [],
  ...overrides,
});

/**
 * Leads 1–6: 1, 2 Hot; 3 Hot and excluded from "email"; 4 Hot and tagged do-not-email;
 * 5 Warm; 6 Warm and Hot-excluded from "sms" only. Segments "Hot" and "Warm", evaluated.
 */
async function world() {
  const db = openTestDatabase('campaigns');
  await ingestLeads(
    db,
    [
      crmLead('1', { status: 'Hot' }),
      crmLead('2', { status: 'Hot' }),
      crmLead('3', { status: 'Hot', campaigns: [{ campaignId: 'email', state: 'excluded' }] }),
      crmLead('4', { status: 'Hot', tags: ['do-not-email'] }),
      crmLead('5', { status: 'Warm' }),
      crmLead('6', { status: 'Warm', campaigns: [{ campaignId: 'sms', state: 'excluded' }] }),
    ],
    at,
  );
  const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
  const warm = await createSegment(db, draft('Warm', statusIs('Warm')), OWNER, { now: NOW });
  await runPendingJobs(db, run);
  await putCampaigns(db, [campaign('email'), campaign('sms', { channel: 'sms' }), campaign('done', { status: 'completed' })]);
  return { db, hot, warm };
}

const audienceIds = async (db: ReturnType<typeof openTestDatabase>, id: string) => (await loadCampaignAudience(db, id)).audience.leadIds;

describe('attaching and detaching segments', () => {
  it('attaches an active segment once and detaches it', async () => {
    const { db, hot, warm } = await world();
    await attachSegmentToCampaign(db, 'email', hot.id);
    await attachSegmentToCampaign(db, 'email', warm.id);
    expect((await attachSegmentToCampaign(db, 'email', hot.id)).segmentIds).toEqual([hot.id, warm.id]);
    expect((await detachSegmentFromCampaign(db, 'email', hot.id)).segmentIds).toEqual([warm.id]);
    expect((await getCampaign(db, 'email'))?.segmentIds).toEqual([warm.id]);
  });

  it('refuses an inactive segment with "Activate the segment first", a completed campaign and unknown ids, writing nothing', async () => {
    const { db, hot } = await world();
    await deactivateSegment(db, hot.id, { now: NOW + 1 });
    await expect(attachSegmentToCampaign(db, 'email', hot.id)).rejects.toThrow(ACTIVATE_FIRST);
    expect(ACTIVATE_FIRST).toBe('Activate the segment first');
    await expect(attachSegmentToCampaign(db, 'email', 'no-such-segment')).rejects.toThrow('This segment no longer exists.');
    await expect(attachSegmentToCampaign(db, 'nope', hot.id)).rejects.toThrow('This campaign no longer exists.');
    expect((await getCampaign(db, 'email'))?.segmentIds).toEqual([]);
  });

  it('refuses a completed campaign', async () => {
    const { db, hot } = await world();
    await expect(attachSegmentToCampaign(db, 'done', hot.id)).rejects.toThrow('“Campaign done” is completed: it takes no more segments.');
  });

  it('keeps the extension-set segmentIds when the CRM campaigns are synced again, and loses them when the segment is deleted', async () => {
    const { db, hot, warm } = await world();
    await attachSegmentToCampaign(db, 'email', hot.id);
    await attachSegmentToCampaign(db, 'email', warm.id);
    await upsertCrmCampaigns(db, [campaign('email', { name: 'Renamed in CRM', status: 'paused' })]);
    expect(await getCampaign(db, 'email')).toMatchObject({ name: 'Renamed in CRM', status: 'paused', segmentIds: [hot.id, warm.id] });
    await deleteSegment(db, hot.id);
    expect((await getCampaign(db, 'email'))?.segmentIds).toEqual([warm.id]);
  });
});

describe('loadCampaignAudience', () => {
  it('is the union of the active segments minus excluded and (email) do-not-email leads', async () => {
    const { db, hot, warm } = await world();
    expect(await audienceIds(db, 'email')).toEqual([]);
    for (const id of ['email', 'sms']) {
      await attachSegmentToCampaign(db, id, hot.id);
      await attachSegmentToCampaign(db, id, warm.id);
    }
    const email = await loadCampaignAudience(db, 'email');
    expect(email.audience).toEqual({
      leadIds: [`${CRM_KEY}/1`, `${CRM_KEY}/2`, `${CRM_KEY}/5`, `${CRM_KEY}/6`],
      segmentMembers: 6,
      excluded: 1,
      doNotEmail: 1,
    });
    expect(email.leads.map((l) => l.crmId)).toEqual(['1', '2', '5', '6']);
    expect(email.segments.map((s) => s.name)).toEqual(['Hot', 'Warm']);
    expect((await audienceIds(db, 'sms')).map((id) => id.split('/')[1])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('follows membership changes, and leaves out an inactive segment\'s members', async () => {
    const { db, hot, warm } = await world();
    await attachSegmentToCampaign(db, 'email', hot.id);
    await attachSegmentToCampaign(db, 'email', warm.id);
    await ingestLeads(db, [crmLead('1', { status: 'Cold' }), crmLead('7', { status: 'Warm' })], at);
    expect((await audienceIds(db, 'email')).map((id) => id.split('/')[1])).toEqual(['2', '5', '6', '7']);
    await deactivateSegment(db, warm.id, { now: NOW + 1 });
    expect((await audienceIds(db, 'email')).map((id) => id.split('/')[1])).toEqual(['2']);
  });

  it('throws for an unknown campaign', async () => {
    const { db } = await world();
    await expect(loadCampaignAudience(db, 'nope')).rejects.toThrow('This campaign no longer exists.');
  });
});

describe('sendAudienceToCrm', () => {
  function fakeCrm(status = 200) {
    const bodies: Array<{ url: string; leadIds: string[] }> = [];
    const fetchFn: FetchFn = async (url, init) => {
      const { leadIds } = JSON.parse(String(init?.body)) as { leadIds: string[] };
      bodies.push({ url, leadIds });
      const body = status === 200 ? { campaignId: 'email', stored: leadIds.length } : { error: 'CRM is read-only today', code: 'invalid' };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    };
    return { bodies, fetchFn };
  }

  it('sends the audience\'s CRM ids (never excluded or do-not-email leads) and records the send', async () => {
    const { db, hot, warm } = await world();
    await attachSegmentToCampaign(db, 'email', hot.id);
    await attachSegmentToCampaign(db, 'email', warm.id);
    const crm = fakeCrm();
    const report = await sendAudienceToCrm(db, 'email', { fetchFn: crm.fetchFn, clock: () => NOW + 5 });
    expect(report).toEqual({ campaignId: 'email', sent: 4, sentAt: NOW + 5, excluded: 1, doNotEmail: 1 });
    expect(crm.bodies).toEqual([{ url: 'http://127.0.0.1:5174/api/campaigns/email/audience', leadIds: ['1', '2', '5', '6'] }]);
    const sends = await getCampaignSends(db);
    expect(sends.email).toEqual({ sentAt: NOW + 5, count: 4, fingerprint: audienceFingerprint(await audienceIds(db, 'email')) });
  });

  it('records nothing when the CRM refuses', async () => {
    const { db, hot } = await world();
    await attachSegmentToCampaign(db, 'email', hot.id);
    await expect(sendAudienceToCrm(db, 'email', { fetchFn: fakeCrm(400).fetchFn, clock: () => NOW })).rejects.toThrow('CRM is read-only today');
    expect(await getCampaignSends(db)).toEqual({});
  });

  it('refuses a campaign whose CRM no adapter knows', async () => {
    const { db } = await world();
    await putCampaigns(db, [campaign('elsewhere', { crmKey: 'other-crm' })]);
    await expect(sendAudienceToCrm(db, 'elsewhere', { fetchFn: fakeCrm().fetchFn, clock: () => NOW })).rejects.toThrow(
      'No connected CRM handles campaign “Campaign elsewhere” (other-crm).',
    );
  });
});

describe('audienceFingerprint', () => {
  it('differs when the ids differ and is stable otherwise', () => {
    expect(audienceFingerprint(['a', 'b'])).toBe(audienceFingerprint(['a', 'b']));
    expect(audienceFingerprint(['a', 'b'])).not.toBe(audienceFingerprint(['a', 'c']));
    expect(audienceFingerprint(['ab'])).not.toBe(audienceFingerprint(['a', 'b']));
    expect(audienceFingerprint([])).toBe('0:811c9dc5');
  });
});
