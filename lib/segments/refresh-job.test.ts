import { describe, expect, it } from 'vitest';
import {
  CrmSegmentsDB,
  addMemberships,
  getJobOfSegment,
  getSegment,
  historyOfSegment,
  listJobs,
  memberIds,
  putCustomFields,
  deleteCustomField,
} from '../db';
import type { RuleSet } from '../schema';
import { ingestLeads } from './ingest';
import { runRefreshJob, type RefreshProgress } from './refresh-job';
import { createSegment, updateSegment } from './segment-editing';
import { deactivateSegment, refreshSegment } from './segment-lifecycle';
import { DAY_MS, NOW, OWNER, TIME_ZONE, contactedInLast, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const run = { timeZone: TIME_ZONE, clock: () => NOW };

/** 25 leads demo/00..demo/24; every third is "Hot". */
async function seed(db: CrmSegmentsDB) {
  const leads = Array.from({ length: 25 }, (_, i) => makeLead(String(i).padStart(2, '0'), { status: i % 3 === 0 ? 'Hot' : 'Cold' }));
  await ingestLeads(db, leads, { now: NOW, timeZone: TIME_ZONE });
  return leads.filter((l) => l.status === 'Hot').map((l) => l.id);
}

/** Stops after `k` chunks. */
function stopAfter(k: number): () => boolean {
  let calls = 0;
  return () => calls++ >= k;
}

describe('runRefreshJob', () => {
  it('evaluates every lead chunk by chunk and finishes with counts, history and lastRefreshedAt', async () => {
    const db = openTestDatabase();
    const hot = await seed(db);
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const job = await getJobOfSegment(db, segment.id);
    expect(job).toMatchObject({ processed: 0, total: 25, now: NOW, rulesVersion: 1 });
    const progress: RefreshProgress[] = [];
    const outcome = await runRefreshJob(db, job!.id, { ...run, chunkSize: 4, onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ status: 'done', processed: 25, total: 25 });
    expect(progress.map((p) => p.processed)).toEqual([4, 8, 12, 16, 20, 24, 25]);
    expect(progress.at(-1)?.done).toBe(true);
    expect(progress.flatMap((p) => p.changedLeadIds).sort()).toEqual(hot);
    expect(await memberIds(db, segment.id)).toEqual(hot);
    const stored = await getSegment(db, segment.id);
    expect(stored).toMatchObject({ memberCount: hot.length, lastRefreshedAt: NOW });
    expect(await historyOfSegment(db, segment.id)).toEqual([
      { segmentId: segment.id, day: '2024-06-15', count: hot.length, added: hot.length, removed: 0 },
    ]);
    expect(await listJobs(db)).toEqual([]);
  });

  it('resumes from the persisted cursor after a worker shutdown, with a new database connection', async () => {
    const db = openTestDatabase();
    const hot = await seed(db);
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const jobId = (await getJobOfSegment(db, segment.id))!.id;
    const stopped = await runRefreshJob(db, jobId, { ...run, chunkSize: 5, shouldStop: stopAfter(2) });
    expect(stopped).toMatchObject({ status: 'stopped', processed: 10 });
    const persisted = await getJobOfSegment(db, segment.id);
    expect(persisted).toMatchObject({ cursor: 'demo/09', processed: 10 });
    // Half-way state is consistent: count equals rows, the first 10 leads are evaluated.
    expect(await memberIds(db, segment.id)).toEqual(hot.filter((id) => id <= 'demo/09'));
    expect((await getSegment(db, segment.id))?.memberCount).toBe(4);
    db.close();

    const restarted = new CrmSegmentsDB(db.name);
    await runPendingJobs(restarted, { ...run, chunkSize: 5 });
    expect(await listJobs(restarted)).toEqual([]);
    expect(await memberIds(restarted, segment.id)).toEqual(hot);
    expect((await getSegment(restarted, segment.id))?.memberCount).toBe(hot.length);
  });

  it('keeps the job’s evaluation time fixed for every chunk', async () => {
    const db = openTestDatabase();
    await ingestLeads(
      db,
      Array.from({ length: 6 }, (_, i) => makeLead(String(i), { lastContactAt: NOW - (i * 5 + 1) * DAY_MS })),
      { now: NOW, timeZone: TIME_ZONE },
    );
    const segment = await createSegment(db, draft('Recent', contactedInLast(12)), OWNER, { now: NOW });
    let wall = NOW;
    // The wall clock jumps 30 days between chunks; the job still evaluates at its own `now`.
    await runPendingJobs(db, { timeZone: TIME_ZONE, chunkSize: 2, clock: () => (wall += 30 * DAY_MS) });
    expect(await memberIds(db, segment.id)).toEqual(['demo/0', 'demo/1', 'demo/2']);
  });

  it('restarts when the rules changed under a running job', async () => {
    const db = openTestDatabase();
    await seed(db);
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const jobId = (await getJobOfSegment(db, segment.id))!.id;
    await runRefreshJob(db, jobId, { ...run, chunkSize: 5, shouldStop: stopAfter(2) });
    // Simulate an edit that bumped rulesVersion without re-enqueueing (e.g. an older background).
    await db.segments.put({ ...(await getSegment(db, segment.id))!, rules: statusIs('Cold'), rulesVersion: 2 });
    await runRefreshJob(db, jobId, { ...run, chunkSize: 5 });
    const cold = Array.from({ length: 25 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .map((i) => `demo/${String(i).padStart(2, '0')}`);
    expect(await memberIds(db, segment.id)).toEqual(cold);
    expect((await getSegment(db, segment.id))?.memberCount).toBe(cold.length);
  });

  it('picks up a restart enqueued by an edit while it runs', async () => {
    const db = openTestDatabase();
    await seed(db);
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const jobId = (await getJobOfSegment(db, segment.id))!.id;
    let edited = false;
    await runRefreshJob(db, jobId, {
      ...run,
      chunkSize: 5,
      onProgress: () => {
        if (!edited) {
          edited = true;
          void updateSegment(db, segment.id, { rules: statusIs('Cold') }, { now: NOW });
        }
      },
    });
    await runPendingJobs(db, run);
    expect((await memberIds(db, segment.id)).length).toBe(16);
    expect((await getSegment(db, segment.id))?.memberCount).toBe(16);
  });

  it('removes memberships of leads that no longer exist in the scanned range', async () => {
    const db = openTestDatabase();
    await seed(db);
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    await addMemberships(db, [
      { segmentId: segment.id, leadId: 'demo/00a', addedAt: 1 },
      { segmentId: segment.id, leadId: 'zzz/ghost', addedAt: 1 },
    ]);
    await db.segments.put({ ...(await getSegment(db, segment.id))!, memberCount: 2 });
    await runPendingJobs(db, { ...run, chunkSize: 4 });
    expect(await memberIds(db, segment.id)).not.toContain('demo/00a');
    expect(await memberIds(db, segment.id)).not.toContain('zzz/ghost');
    expect((await getSegment(db, segment.id))?.memberCount).toBe(9);
  });

  it('is cancelled when the segment is deactivated', async () => {
    const db = openTestDatabase();
    await seed(db);
    const segment = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const jobId = (await getJobOfSegment(db, segment.id))!.id;
    await runRefreshJob(db, jobId, { ...run, chunkSize: 5, shouldStop: stopAfter(1) });
    await deactivateSegment(db, segment.id, { now: NOW });
    expect(await runRefreshJob(db, jobId, run)).toMatchObject({ status: 'cancelled' });
    expect(await memberIds(db, segment.id)).toEqual(['demo/00', 'demo/03']);
  });

  it('marks the segment invalid and keeps its members when its custom field is gone', async () => {
    const db = openTestDatabase();
    await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
    await ingestLeads(db, [makeLead('1', { custom: { score: 5 } }), makeLead('2', { custom: { score: 50 } })], { now: NOW, timeZone: TIME_ZONE });
    const rules: RuleSet = { combinator: 'and', rules: [{ field: 'custom.score', operator: 'gte', value: 10 }] };
    const segment = await createSegment(db, draft('Scored', rules), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    expect(await memberIds(db, segment.id)).toEqual(['demo/2']);
    await deleteCustomField(db, 'score');
    await createSegment(db, draft('Other', statusIs('x')), OWNER, { now: NOW }); // an unrelated job still runs
    await refreshSegment(db, segment.id, { now: NOW });
    await runPendingJobs(db, run);
    expect(await listJobs(db)).toEqual([]);
    const broken = await getSegment(db, segment.id);
    expect(broken?.error).toBe("Rule 1: custom field 'score' is not defined");
    expect(await memberIds(db, segment.id)).toEqual(['demo/2']);
    expect(await getJobOfSegment(db, segment.id)).toBeUndefined();
  });
});
