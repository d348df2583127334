import { describe, expect, it } from 'vitest';
import { getHistoryRow, getSegment, leadWriteSeq, listLeads, memberIds, type CrmSegmentsDB } from '../db';
import type { Lead, RuleSet } from '../schema';
import { dayInTimeZone } from './day';
import { ingestLeads, type KnownLeads } from './ingest';
import { createSegment } from './segment-editing';
import { deactivateSegment } from './segment-lifecycle';
import { NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, runPendingJobs, statusIs } from './test-support';

const sourceIs = (source: string): RuleSet => ({ combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: source }] });

/** A current in-memory copy of the stored leads, as the background's lead copy would be. */
async function copyOf(db: CrmSegmentsDB): Promise<KnownLeads> {
  const leads = new Map<string, Lead>((await listLeads(db)).map((lead) => [lead.id, lead]));
  return { seq: await leadWriteSeq(db), leads: { has: (id) => leads.has(id), content: (id) => leads.get(id) } };
}

async function ingestOne(db: CrmSegmentsDB, lead: Lead, now: number) {
  const copy = await copyOf(db);
  return ingestLeads(db, [lead], { now, timeZone: TIME_ZONE, known: () => copy });
}

describe('ingestLeads reading ahead from the previous ingest rows', () => {
  it('gives exact memberships, counts and history when those rows no longer hold', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { status: 'Hot', source: 'Web' }), makeLead('2', { status: 'Cold', source: 'Ads' })], { now: NOW, timeZone: TIME_ZONE });
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const web = await createSegment(db, draft('Web', sourceIs('Web')), OWNER, { now: NOW });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
    // The next ingest reads ahead from these rows: "Hot" active, no "Cold" segment.
    await ingestOne(db, makeLead('1', { status: 'Hot', source: 'Web', name: 'Renamed' }), NOW + 1);

    await deactivateSegment(db, hot.id, { now: NOW + 2, actorId: OWNER.userId });
    const cold = await createSegment(db, draft('Cold', statusIs('Cold')), OWNER, { now: NOW + 2 });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW + 2 });
    const { changes } = await ingestOne(db, makeLead('1', { status: 'Cold', source: 'Web' }), NOW + 3);

    expect(changes).toEqual({ 'demo/1': [cold.id, hot.id, web.id].sort() });
    expect(await memberIds(db, hot.id)).toEqual(['demo/1']); // inactive: frozen
    expect(await memberIds(db, cold.id)).toEqual(['demo/1', 'demo/2']);
    expect(await memberIds(db, web.id)).toEqual(['demo/1']);
    expect((await getSegment(db, cold.id))?.memberCount).toBe(2);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(1);
    const day = dayInTimeZone(NOW, TIME_ZONE);
    expect(await getHistoryRow(db, cold.id, day)).toMatchObject({ count: 2, added: 2, removed: 0 });

    // A new lead next, then the same lead moved again: the guesses are now right.
    await ingestOne(db, makeLead('3', { status: 'Cold', source: 'Web' }), NOW + 4);
    await ingestOne(db, makeLead('3', { status: 'Hot', source: 'Ads' }), NOW + 5);
    expect(await memberIds(db, cold.id)).toEqual(['demo/1', 'demo/2']);
    expect(await memberIds(db, web.id)).toEqual(['demo/1']);
    expect(await getHistoryRow(db, cold.id, day)).toMatchObject({ count: 2, added: 3, removed: 1 });
    expect(await getHistoryRow(db, web.id, day)).toMatchObject({ count: 1, added: 2, removed: 1 });
  });
});
