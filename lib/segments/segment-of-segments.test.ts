/**
 * Segments built on segments (docs/semantics.md, "Segment membership"): cycles rejected on create
 * and update, inner changes reaching the outer segment through incremental ingest and through full
 * refresh, frozen members of an inactive inner segment, and an outer segment whose inner one is deleted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSegment, listJobs, memberIds } from '../db';
import type { RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { createSegment, updateSegment } from './segment-editing';
import { deactivateSegment, deleteSegment } from './segment-lifecycle';
import { NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const run = { timeZone: TIME_ZONE, clock: () => NOW, chunkSize: 2 };
const at = { now: NOW, timeZone: TIME_ZONE };

const memberOf = (id: string, operator = 'is_member_of'): RuleSet => ({
  combinator: 'and',
  rules: [{ field: 'segmentMembership', operator, value: id }],
});
const and = (...sets: RuleSet[]): RuleSet => ({ combinator: 'and', rules: sets.flatMap((s) => s.rules) });

/** Leads 1–5: 1, 2, 3 Hot; 1 and 3 from India. */
async function world() {
  const db = openTestDatabase('nested');
  await ingestLeads(
    db,
    [
      makeLead('1', { status: 'Hot', country: 'India' }),
      makeLead('2', { status: 'Hot', country: 'Spain' }),
      makeLead('3', { status: 'Hot', country: 'India' }),
      makeLead('4', { status: 'Cold', country: 'India' }),
      makeLead('5', { status: 'Cold' }),
    ],
    at,
  );
  const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
  const country = { combinator: 'and' as const, rules: [{ field: 'country', operator: 'equals', value: 'India' }] };
  const hotIndia = await createSegment(db, draft('Hot in India', and(memberOf(hot.id), country)), OWNER, { now: NOW });
  const notHot = await createSegment(db, draft('Not hot', memberOf(hot.id, 'is_not_member_of')), OWNER, { now: NOW });
  await runPendingJobs(db, run);
  return { db, hot, hotIndia, notHot };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('segment of segments', () => {
  it('evaluates inner before outer even when the outer segment is stored first', async () => {
    // Segment ids decide the stored order: the outer one ("a-…") sorts before the inner one ("b-…").
    const ids = ['a-outer', 'b-inner'];
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => ids.shift() as `${string}-${string}-${string}-${string}-${string}`);
    const db = openTestDatabase('order');
    await ingestLeads(db, [makeLead('1', { status: 'Cold' })], at);
    const outer = await createSegment(db, draft('Outer', statusIs('Nobody')), OWNER, { now: NOW });
    const inner = await createSegment(db, draft('Inner', statusIs('Hot')), OWNER, { now: NOW });
    await updateSegment(db, outer.id, { rules: memberOf(inner.id) }, { now: NOW });
    await runPendingJobs(db, run);
    expect([outer.id, inner.id]).toEqual(['a-outer', 'b-inner']);
    await ingestLeads(db, [makeLead('1', { status: 'Hot' })], at);
    expect(await memberIds(db, inner.id)).toEqual(['demo/1']);
    expect(await memberIds(db, outer.id)).toEqual(['demo/1']);
    expect(await listJobs(db)).toEqual([]);
  });

  it('evaluates on the inner segment’s members (full refresh)', async () => {
    const { db, hot, hotIndia, notHot } = await world();
    expect(await memberIds(db, hot.id)).toEqual(['demo/1', 'demo/2', 'demo/3']);
    expect(await memberIds(db, hotIndia.id)).toEqual(['demo/1', 'demo/3']);
    expect(await memberIds(db, notHot.id)).toEqual(['demo/4', 'demo/5']);
    expect((await getSegment(db, hotIndia.id))?.memberCount).toBe(2);
  });

  it('an inner change from an ingest reaches the outer segments in the same ingest, whatever their order', async () => {
    const { db, hot, hotIndia, notHot } = await world();
    const { changes } = await ingestLeads(db, [makeLead('4', { status: 'Hot', country: 'India' }), makeLead('1', { status: 'Cold', country: 'India' })], at);
    expect(await memberIds(db, hot.id)).toEqual(['demo/2', 'demo/3', 'demo/4']);
    expect(await memberIds(db, hotIndia.id)).toEqual(['demo/3', 'demo/4']);
    expect(await memberIds(db, notHot.id)).toEqual(['demo/1', 'demo/5']);
    expect(changes['demo/4']).toEqual([hot.id, hotIndia.id].sort());
    expect(await listJobs(db)).toEqual([]);
  });

  it('an inner full refresh (rules edited) refreshes the outer segments after it', async () => {
    const { db, hot, hotIndia, notHot } = await world();
    await updateSegment(db, hot.id, { rules: statusIs('Cold') }, { now: NOW });
    await runPendingJobs(db, run);
    expect(await memberIds(db, hot.id)).toEqual(['demo/4', 'demo/5']);
    expect(await memberIds(db, hotIndia.id)).toEqual(['demo/4']);
    expect(await memberIds(db, notHot.id)).toEqual(['demo/1', 'demo/2', 'demo/3']);
    expect(await listJobs(db)).toEqual([]);
  });

  it('uses the frozen members of an inactive inner segment', async () => {
    const { db, hot, hotIndia } = await world();
    await deactivateSegment(db, hot.id, { now: NOW });
    await ingestLeads(db, [makeLead('3', { status: 'Cold', country: 'India' }), makeLead('4', { status: 'Hot', country: 'India' })], at);
    expect(await memberIds(db, hot.id)).toEqual(['demo/1', 'demo/2', 'demo/3']);
    expect(await memberIds(db, hotIndia.id)).toEqual(['demo/1', 'demo/3']);
  });

  it('is not member of an empty segment: every lead', async () => {
    const { db } = await world();
    const nobody = await createSegment(db, draft('Nobody', statusIs('Lost')), OWNER, { now: NOW });
    const everyone = await createSegment(db, draft('Everyone', memberOf(nobody.id, 'is_not_member_of')), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    expect(await memberIds(db, everyone.id)).toEqual(['demo/1', 'demo/2', 'demo/3', 'demo/4', 'demo/5']);
  });

  it('rejects a cycle on update with a clear error and writes nothing', async () => {
    const { db, hot, hotIndia } = await world();
    const before = await getSegment(db, hot.id);
    await expect(updateSegment(db, hot.id, { rules: memberOf(hotIndia.id) }, { now: NOW + 1 })).rejects.toMatchObject({
      code: 'invalid',
      message: 'Segment membership rules cannot go round in a circle: "Hot" → "Hot in India" → "Hot".',
    });
    expect(await getSegment(db, hot.id)).toEqual(before);
  });

  it('rejects a segment referring to itself, a longer cycle, and a segment that does not exist', async () => {
    const { db, hot, hotIndia } = await world();
    await expect(updateSegment(db, hot.id, { rules: memberOf(hot.id) }, { now: NOW })).rejects.toThrow('"Hot" → "Hot"');
    const third = await createSegment(db, draft('Third', memberOf(hotIndia.id)), OWNER, { now: NOW });
    await expect(updateSegment(db, hot.id, { rules: memberOf(third.id) }, { now: NOW })).rejects.toThrow(
      '"Hot" → "Third" → "Hot in India" → "Hot"',
    );
    await expect(createSegment(db, draft('Ghost', memberOf('no-such-segment')), OWNER, { now: NOW })).rejects.toThrow(
      'Rule 1: the segment it refers to no longer exists',
    );
  });

  it('deleting the inner segment makes the outer one invalid, its members kept', async () => {
    const { db, hot, hotIndia } = await world();
    await deleteSegment(db, hot.id, { now: NOW });
    await runPendingJobs(db, run);
    const outer = await getSegment(db, hotIndia.id);
    expect(outer?.error).toBe('Rule 1: the segment it refers to no longer exists');
    expect(await memberIds(db, hotIndia.id)).toEqual(['demo/1', 'demo/3']);
  });
});
