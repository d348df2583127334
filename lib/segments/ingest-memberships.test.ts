import { describe, expect, it } from 'vitest';
import { getJobOfSegment, getSegment, memberIds } from '../db';
import type { RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { createSegment } from './segment-editing';
import { deactivateSegment } from './segment-lifecycle';
import { NOW, OWNER, TIME_ZONE, contactedInLast, draft, makeLead, openTestDatabase, runPendingJobs, statusIs } from './test-support';

const at = { now: NOW, timeZone: TIME_ZONE };
const sourceIs = (source: string): RuleSet => ({ combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: source }] });

describe('ingestLeads of stored leads: memberships read only where they can differ', () => {
  it('keeps segments whose answer did not change and reports every segment of a moved lead', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { status: 'Hot', source: 'Web' }), makeLead('2', { status: 'Cold', source: 'Web' })], at);
    const web = await createSegment(db, draft('Web', sourceIs('Web')), OWNER, { now: NOW });
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });

    const { changes } = await ingestLeads(db, [makeLead('1', { status: 'Cold', source: 'Web' })], { ...at, now: NOW + 1 });
    expect(changes).toEqual({ 'demo/1': [web.id] }); // "Web" not read, still listed for the badge
    expect(await memberIds(db, web.id)).toEqual(['demo/1', 'demo/2']);
    expect(await memberIds(db, hot.id)).toEqual([]);
    expect((await getSegment(db, web.id))?.memberCount).toBe(2);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(0);
  });

  it('reads the stored memberships of a segment whose refresh is still pending (they do not follow its rules yet)', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { status: 'Hot', source: 'Web' })], at);
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW }); // refresh job not run yet
    expect(await getJobOfSegment(db, hot.id)).toBeDefined();
    await ingestLeads(db, [makeLead('1', { status: 'Hot', source: 'Ads' })], { ...at, now: NOW + 1 });
    expect(await memberIds(db, hot.id)).toEqual(['demo/1']);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(1);
  });

  it('reads inactive and time-dependent segments instead of assuming their members', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { status: 'Hot', lastContactAt: NOW - 1000 })], at);
    const frozen = await createSegment(db, draft('Frozen hot', statusIs('Hot')), OWNER, { now: NOW });
    const recent = await createSegment(db, draft('Recent', contactedInLast(7)), OWNER, { now: NOW });
    const cold = await createSegment(db, draft('Cold', statusIs('Cold')), OWNER, { now: NOW });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
    await deactivateSegment(db, frozen.id, { now: NOW, actorId: OWNER.userId });

    const { changes } = await ingestLeads(db, [makeLead('1', { status: 'Cold', lastContactAt: NOW - 1000 })], { ...at, now: NOW + 1 });
    expect(changes['demo/1']).toEqual([cold.id, frozen.id, recent.id].sort());
    expect(await memberIds(db, frozen.id)).toEqual(['demo/1']);
  });
});
