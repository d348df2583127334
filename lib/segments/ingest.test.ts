import { describe, expect, it } from 'vitest';
import {
  getLead,
  getSegment,
  historyOfSegment,
  memberIds,
  putCustomFields,
  deleteCustomField,
  getJobOfSegment,
} from '../db';
import type { RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { createSegment } from './segment-editing';
import { deactivateSegment } from './segment-lifecycle';
import { DAY_MS, NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const at = { now: NOW, timeZone: TIME_ZONE };

async function activeSegment(db: ReturnType<typeof openTestDatabase>, name: string, rules: RuleSet) {
  const segment = await createSegment(db, draft(name, rules), OWNER, { now: NOW });
  await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
  return segment;
}

describe('ingestLeads', () => {
  it('stores valid leads, skips invalid ones with a reason, and reports the batch', async () => {
    const db = openTestDatabase();
    const { report } = await ingestLeads(
      db,
      [makeLead('1'), { id: 'demo/2', name: 'No crm fields' }, 'garbage', makeLead('3', { custom: { a: null, b: 1, c: null } })],
      at,
    );
    expect(report.received).toBe(4);
    expect(report.stored).toBe(2);
    expect(report.unchanged).toBe(0);
    expect(report.nulledValues).toBe(2);
    expect(report.skipped.map((s) => s.ref)).toEqual(['demo/2', '#3']);
    expect(report.skipped[0]?.reason).toMatch(/crmKey/);
    expect(await getLead(db, 'demo/1')).toEqual(makeLead('1'));
  });

  it('writes only changed leads (syncedAt ignored) and lets a later duplicate win', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1'), makeLead('2')], at);
    const { report } = await ingestLeads(
      db,
      [
        makeLead('1', { syncedAt: NOW + 5 }),
        makeLead('2', { status: 'Old' }),
        makeLead('2', { status: 'New', syncedAt: NOW + 5 }),
      ],
      { ...at, now: NOW + 5 },
    );
    expect(report).toMatchObject({ received: 3, stored: 1, unchanged: 1 });
    expect(report.skipped).toEqual([{ ref: 'demo/2', reason: 'superseded by a later record with the same id in this batch' }]);
    expect((await getLead(db, 'demo/1'))?.syncedAt).toBe(NOW); // unchanged: not rewritten
    expect((await getLead(db, 'demo/2'))?.status).toBe('New');
  });

  it('treats an explicit undefined optional field like an absent one', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1')], at);
    const { report } = await ingestLeads(db, [{ ...makeLead('1'), email: undefined }], at);
    expect(report.unchanged).toBe(1);
  });

  it('adds and removes memberships of active segments with count, history and badge changes', async () => {
    const db = openTestDatabase();
    const hot = await activeSegment(db, 'Hot', statusIs('Hot'));
    const cold = await activeSegment(db, 'Cold', statusIs('Cold'));
    const first = await ingestLeads(db, [makeLead('1', { status: 'hot' }), makeLead('2', { status: 'Cold' }), makeLead('3')], at);
    expect(first.changes).toEqual({ 'demo/1': [hot.id], 'demo/2': [cold.id] });
    expect(first.refreshPending).toBe(false);
    expect(await memberIds(db, hot.id)).toEqual(['demo/1']);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(1);

    const later = NOW + DAY_MS;
    const second = await ingestLeads(db, [makeLead('1', { status: 'Cold' }), makeLead('3')], { ...at, now: later });
    expect(second.report).toMatchObject({ stored: 1, unchanged: 1 });
    expect(second.changes).toEqual({ 'demo/1': [cold.id] });
    expect(await memberIds(db, hot.id)).toEqual([]);
    expect(await memberIds(db, cold.id)).toEqual(['demo/1', 'demo/2']);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(0);
    expect((await getSegment(db, cold.id))?.memberCount).toBe(2);
    expect(await historyOfSegment(db, hot.id)).toEqual([
      { segmentId: hot.id, day: '2024-06-15', count: 1, added: 1, removed: 0 },
      { segmentId: hot.id, day: '2024-06-16', count: 0, added: 0, removed: 1 },
    ]);
  });

  it('uses the evaluation time zone for the history day', async () => {
    const db = openTestDatabase();
    const seg = await activeSegment(db, 'Hot', statusIs('Hot'));
    // 2024-06-15 20:00 UTC is already 2024-06-16 in Kolkata (UTC+5:30).
    await ingestLeads(db, [makeLead('1', { status: 'Hot' })], { now: Date.UTC(2024, 5, 15, 20), timeZone: 'Asia/Kolkata' });
    expect((await historyOfSegment(db, seg.id)).map((h) => h.day)).toContain('2024-06-16');
  });

  it('leaves inactive segments frozen', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { status: 'Hot' })], at);
    const seg = await activeSegment(db, 'Hot', statusIs('Hot'));
    await deactivateSegment(db, seg.id, { now: NOW });
    await ingestLeads(db, [makeLead('1', { status: 'Cold' }), makeLead('2', { status: 'Hot' })], at);
    expect(await memberIds(db, seg.id)).toEqual(['demo/1']);
    expect((await getSegment(db, seg.id))?.memberCount).toBe(1);
  });

  it('marks a segment whose custom field disappeared invalid and leaves its members as they were', async () => {
    const db = openTestDatabase();
    await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
    const rules: RuleSet = { combinator: 'and', rules: [{ field: 'custom.score', operator: 'gt', value: 10 }] };
    const seg = await activeSegment(db, 'High score', rules);
    await ingestLeads(db, [makeLead('1', { custom: { score: 50 } })], at);
    expect(await memberIds(db, seg.id)).toEqual(['demo/1']);

    await deleteCustomField(db, 'score');
    const result = await ingestLeads(db, [makeLead('1', { custom: { score: 1 } }), makeLead('2', { custom: { score: 99 } })], at);
    expect(result.changes).toEqual({});
    const broken = await getSegment(db, seg.id);
    expect(broken?.error).toMatch(/score/);
    expect(await memberIds(db, seg.id)).toEqual(['demo/1']);

    // The field comes back: the next ingest clears the error and queues a full refresh.
    await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
    expect((await ingestLeads(db, [makeLead('3', { custom: { score: 11 } })], at)).refreshPending).toBe(true);
    // Still queued: the next ingest says so too, whatever it changes.
    expect((await ingestLeads(db, [makeLead('4')], at)).refreshPending).toBe(true);
    expect((await getSegment(db, seg.id))?.error).toBeUndefined();
    expect(await getJobOfSegment(db, seg.id)).toBeDefined();
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
    expect(await memberIds(db, seg.id)).toEqual(['demo/2', 'demo/3']);
    expect((await getSegment(db, seg.id))?.memberCount).toBe(2);
  });

  it('commits leads and memberships in one transaction: a failed write stores nothing', async () => {
    const db = openTestDatabase();
    const seg = await activeSegment(db, 'Hot', statusIs('Hot'));
    // Corrupt the stored segment so its write fails validation half-way through the ingest.
    await db.segments.put({ ...(await getSegment(db, seg.id))!, color: 'not-a-colour' });
    await expect(ingestLeads(db, [makeLead('1', { status: 'Hot' })], at)).rejects.toThrow(/colour/);
    expect(await getLead(db, 'demo/1')).toBeUndefined();
    expect(await memberIds(db, seg.id)).toEqual([]);
  });
});
