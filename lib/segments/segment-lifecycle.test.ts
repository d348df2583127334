import { describe, expect, it } from 'vitest';
import {
  getJobOfSegment,
  getLead,
  getSegment,
  historyOfSegment,
  listCampaigns,
  listJobs,
  memberIds,
  putCampaigns,
} from '../db';
import { SegmentOperationError } from './errors';
import { ingestLeads } from './ingest';
import { createSegment } from './segment-editing';
import {
  activateSegment,
  campaignsUsingSegment,
  deactivateSegment,
  deleteSegment,
  refreshSegment,
} from './segment-lifecycle';
import { NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const run = { timeZone: TIME_ZONE, clock: () => NOW };
const at = { now: NOW, timeZone: TIME_ZONE };

async function hotSegment(db: ReturnType<typeof openTestDatabase>) {
  await ingestLeads(db, [makeLead('1', { status: 'Hot' }), makeLead('2', { status: 'Cold' })], at);
  const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
  await runPendingJobs(db, run);
  return segment;
}

describe('activate / deactivate', () => {
  it('freezes members while inactive and refreshes fully on reactivation', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    const inactive = await deactivateSegment(db, segment.id, { now: NOW + 1, actorId: 'u-ana' });
    expect(inactive).toMatchObject({ status: 'inactive', updatedAt: NOW + 1 });
    await ingestLeads(db, [makeLead('1', { status: 'Cold' }), makeLead('2', { status: 'Hot' })], at);
    expect(await memberIds(db, segment.id)).toEqual(['demo/1']);

    const active = await activateSegment(db, segment.id, { now: NOW + 2 });
    expect(active.status).toBe('active');
    expect(await getJobOfSegment(db, segment.id)).toMatchObject({ now: NOW + 2 });
    await runPendingJobs(db, run);
    expect(await memberIds(db, segment.id)).toEqual(['demo/2']);
    expect((await getSegment(db, segment.id))?.memberCount).toBe(1);
  });

  it('cancels a pending refresh on deactivation', async () => {
    const db = openTestDatabase();
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    await deactivateSegment(db, segment.id, { now: NOW });
    expect(await listJobs(db)).toEqual([]);
  });

  it('is a no-op when already in the requested state', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    expect(await activateSegment(db, segment.id, { now: NOW + 5 })).toEqual(await getSegment(db, segment.id));
    expect(await listJobs(db)).toEqual([]);
  });

  it('only lets the owner change status', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    await expect(deactivateSegment(db, segment.id, { now: NOW, actorId: 'someone-else' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('refreshSegment', () => {
  it('restarts the full refresh of an active segment', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    await refreshSegment(db, segment.id, { now: NOW + 7 });
    expect(await getJobOfSegment(db, segment.id)).toMatchObject({ now: NOW + 7, processed: 0 });
  });

  it('is refused to anyone but the owner, and queues nothing then', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    await runPendingJobs(db, run);
    await expect(refreshSegment(db, segment.id, { now: NOW + 7, actorId: 'u-bo' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Only Ana Owner can change this segment.',
    });
    expect(await getJobOfSegment(db, segment.id)).toBeUndefined();
  });

  it('is refused for an inactive segment with a clear message', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    await deactivateSegment(db, segment.id, { now: NOW });
    const refused = refreshSegment(db, segment.id, { now: NOW });
    await expect(refused).rejects.toBeInstanceOf(SegmentOperationError);
    await expect(refreshSegment(db, segment.id, { now: NOW })).rejects.toMatchObject({
      code: 'inactive',
      message: 'Activate the segment to resume updates.',
    });
  });
});

describe('deleteSegment', () => {
  it('deletes memberships, history, job and campaign links, never leads', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    const keep = await createSegment(db, draft('Keep', statusIs('Hot')), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    await putCampaigns(db, [
      { id: 'email', crmKey: 'demo', name: 'Email', status: 'active', segmentIds: [segment.id, keep.id] },
      { id: 'sms', crmKey: 'demo', name: 'SMS', status: 'paused', segmentIds: [segment.id] },
      { id: 'chat', crmKey: 'demo', name: 'Chat', status: 'active', segmentIds: [keep.id] },
    ]);
    expect((await campaignsUsingSegment(db, segment.id)).map((c) => c.id)).toEqual(['email']);
    await refreshSegment(db, segment.id, { now: NOW });

    const result = await deleteSegment(db, segment.id, { actorId: 'u-ana' });
    expect(result).toEqual({ id: segment.id, memberships: 1, campaignsUpdated: 2 });
    expect(await getSegment(db, segment.id)).toBeUndefined();
    expect(await memberIds(db, segment.id)).toEqual([]);
    expect(await historyOfSegment(db, segment.id)).toEqual([]);
    expect(await getJobOfSegment(db, segment.id)).toBeUndefined();
    expect((await listCampaigns(db)).map((c) => [c.id, c.segmentIds])).toEqual([
      ['chat', [keep.id]],
      ['email', [keep.id]],
      ['sms', []],
    ]);
    expect(await getLead(db, 'demo/1')).toBeDefined();
    expect(await memberIds(db, keep.id)).toEqual(['demo/1']);
  });

  it('refuses another owner and a missing segment', async () => {
    const db = openTestDatabase();
    const segment = await hotSegment(db);
    await expect(deleteSegment(db, segment.id, { actorId: 'u-bo' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteSegment(db, 'missing')).rejects.toMatchObject({ code: 'not_found' });
    expect(await getSegment(db, segment.id)).toBeDefined();
  });
});
