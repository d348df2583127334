import { describe, expect, it } from 'vitest';
import {
  deleteCustomField,
  getEvaluationTimeZone,
  getJobOfSegment,
  getSegment,
  listJobs,
  memberIds,
  putCustomFields,
  setEvaluationTimeZone,
} from '../db';
import type { RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { changeEvaluationTimeZone, revalidateSegments, scheduleTimeDependentRefresh } from './schedule';
import { createSegment } from './segment-editing';
import { deactivateSegment } from './segment-lifecycle';
import { DAY_MS, NOW, OWNER, TIME_ZONE, contactedInLast, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const run = { timeZone: TIME_ZONE, clock: () => NOW };

describe('scheduleTimeDependentRefresh', () => {
  it('queues only active time-dependent segments, once, and moves a stale job to the new time', async () => {
    const db = openTestDatabase();
    const recent = await createSegment(db, draft('Recent', contactedInLast(30)), OWNER, { now: NOW });
    const frozen = await createSegment(db, draft('Frozen', contactedInLast(7)), OWNER, { now: NOW });
    await createSegment(db, draft('Static', statusIs('Hot')), OWNER, { now: NOW });
    await deactivateSegment(db, frozen.id, { now: NOW });
    await runPendingJobs(db, run);

    const later = NOW + DAY_MS;
    expect(await scheduleTimeDependentRefresh(db, later, { timeZone: TIME_ZONE })).toEqual([recent.id]);
    expect(await scheduleTimeDependentRefresh(db, later, { timeZone: TIME_ZONE })).toEqual([]);
    expect((await listJobs(db)).map((j) => [j.segmentId, j.now])).toEqual([[recent.id, later]]);
    const evenLater = later + DAY_MS;
    expect(await scheduleTimeDependentRefresh(db, evenLater, { timeZone: TIME_ZONE })).toEqual([recent.id]);
    expect((await listJobs(db)).map((j) => j.now)).toEqual([evenLater]);
  });

  it('drops leads out of a relative window as the clock moves', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { lastContactAt: NOW - 25 * DAY_MS })], { now: NOW, timeZone: TIME_ZONE });
    const segment = await createSegment(db, draft('Recent', contactedInLast(30)), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    expect(await memberIds(db, segment.id)).toEqual(['demo/1']);
    const later = NOW + 10 * DAY_MS;
    await scheduleTimeDependentRefresh(db, later, { timeZone: TIME_ZONE });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => later });
    expect(await memberIds(db, segment.id)).toEqual([]);
  });

  it('reads the stored evaluation time zone when none is given', async () => {
    const db = openTestDatabase();
    await setEvaluationTimeZone(db, 'Asia/Kolkata');
    const segment = await createSegment(db, draft('Recent', contactedInLast(30)), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    expect(await scheduleTimeDependentRefresh(db, NOW + 1)).toEqual([segment.id]);
  });
});

describe('revalidateSegments', () => {
  it('marks segments using a deleted custom field invalid and recovers them when it returns', async () => {
    const db = openTestDatabase();
    await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
    await ingestLeads(db, [makeLead('1', { custom: { score: 50 } })], { now: NOW, timeZone: TIME_ZONE });
    const rules: RuleSet = { combinator: 'and', rules: [{ field: 'custom.score', operator: 'gt', value: 10 }] };
    const scored = await createSegment(db, draft('Scored', rules), OWNER, { now: NOW });
    const plain = await createSegment(db, draft('Plain', statusIs('x')), OWNER, { now: NOW });
    await runPendingJobs(db, run);

    await deleteCustomField(db, 'score');
    expect(await revalidateSegments(db, { now: NOW, timeZone: TIME_ZONE })).toEqual({ invalid: [scored.id], recovered: [] });
    expect((await getSegment(db, scored.id))?.error).toMatch(/score/);
    expect((await getSegment(db, plain.id))?.error).toBeUndefined();
    expect(await memberIds(db, scored.id)).toEqual(['demo/1']);
    // Not scheduled while invalid.
    expect(await scheduleTimeDependentRefresh(db, NOW, { timeZone: TIME_ZONE })).toEqual([]);

    await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
    expect(await revalidateSegments(db, { now: NOW, timeZone: TIME_ZONE })).toEqual({ invalid: [], recovered: [scored.id] });
    expect((await getSegment(db, scored.id))?.error).toBeUndefined();
    expect(await getJobOfSegment(db, scored.id)).toBeDefined();
  });
});

describe('changeEvaluationTimeZone', () => {
  it('stores the zone and refreshes every active segment', async () => {
    const db = openTestDatabase();
    const a = await createSegment(db, draft('A', statusIs('x')), OWNER, { now: NOW });
    const b = await createSegment(db, draft('B', statusIs('y')), OWNER, { now: NOW });
    await deactivateSegment(db, b.id, { now: NOW });
    await runPendingJobs(db, run);
    expect(await changeEvaluationTimeZone(db, 'America/New_York', NOW)).toEqual([a.id]);
    expect(await getEvaluationTimeZone(db)).toBe('America/New_York');
    await expect(changeEvaluationTimeZone(db, 'Nowhere/Land', NOW)).rejects.toThrow(/time zone/);
    expect(await getEvaluationTimeZone(db)).toBe('America/New_York');
  });
});
