/**
 * SegmentHistory over several simulated days: a fake clock drives the real write paths (ingest,
 * full refresh, lead deletion, segment deletion) and the analysis reads what they recorded.
 */
import { describe, expect, it } from 'vitest';
import { getSegment, historyOfSegment, setConvertedStatuses } from '../db';
import { deleteLeads } from '../segments/lead-removal';
import { ingestLeads } from '../segments/ingest';
import { createSegment, updateSegment } from '../segments/segment-editing';
import { deleteSegment } from '../segments/segment-lifecycle';
import { DAY_MS, NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, runPendingJobs } from '../segments/test-support';
import type { RuleSet } from '../schema';
import { loadSegmentAnalysis } from './load';

const sourceIs = (source: string): RuleSet => ({ combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: source }] });
const sourceIn = (sources: string[]): RuleSet => ({ combinator: 'and', rules: [{ field: 'source', operator: 'is_any_of', value: sources }] });

/** Day `n` after 2024-06-15 (NOW), at midday UTC. */
const day = (n: number) => NOW + n * DAY_MS;
const settle = (db: ReturnType<typeof openTestDatabase>, now: number) => runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => now, chunkSize: 2 });

describe('segment history over simulated days', () => {
  it('records one row per day on which membership changed — ingests, refreshes and deletions alike', async () => {
    const db = openTestDatabase();
    // Day 0: five leads, the segment is created and its first full refresh runs (3 chunks of 2).
    await ingestLeads(
      db,
      [
        makeLead('1', { source: 'Google', status: 'Converted' }),
        makeLead('2', { source: 'Google', status: 'New' }),
        makeLead('3', { source: 'Google', status: 'Won' }),
        makeLead('4', { source: 'Direct', status: 'Converted' }),
        makeLead('5', { source: 'Direct', status: 'New' }),
      ],
      { now: day(0), timeZone: TIME_ZONE },
    );
    const segment = await createSegment(db, draft('Google', sourceIs('Google')), OWNER, { now: day(0) });
    await settle(db, day(0));

    // Day 1: lead 2 moves to Direct (ingest removes it), lead 6 arrives from Google (ingest adds it).
    await ingestLeads(db, [makeLead('2', { source: 'Direct', status: 'New' }), makeLead('6', { source: 'Google' })], { now: day(1), timeZone: TIME_ZONE });
    // Day 2: a sync with nothing new: no row.
    await ingestLeads(db, [makeLead('1', { source: 'Google', status: 'Converted' })], { now: day(2), timeZone: TIME_ZONE });
    // Day 3: the rules are widened; the refresh adds leads 2, 4, 5.
    await updateSegment(db, segment.id, { rules: sourceIn(['Google', 'Direct']) }, { now: day(3), actorId: OWNER.userId });
    await settle(db, day(3));
    // Day 5: the CRM deleted lead 5.
    await deleteLeads(db, ['demo/5'], { now: day(5), timeZone: TIME_ZONE });

    const rows = await historyOfSegment(db, segment.id);
    expect(rows).toEqual([
      { segmentId: segment.id, day: '2024-06-15', count: 3, added: 3, removed: 0 },
      { segmentId: segment.id, day: '2024-06-16', count: 3, added: 1, removed: 1 },
      { segmentId: segment.id, day: '2024-06-18', count: 6, added: 3, removed: 0 },
      { segmentId: segment.id, day: '2024-06-20', count: 5, added: 0, removed: 1 },
    ]);
    expect((await getSegment(db, segment.id))?.memberCount).toBe(5);

    // Day 6: the analysis fills the days without changes and sums the windows.
    const analysis = await loadSegmentAnalysis(db, segment.id, '2024-06-21');
    expect(analysis.series.map((p) => [p.day, p.count])).toEqual([
      ['2024-06-15', 3],
      ['2024-06-16', 3],
      ['2024-06-17', 3],
      ['2024-06-18', 6],
      ['2024-06-19', 6],
      ['2024-06-20', 5],
      ['2024-06-21', 5],
    ]);
    expect(analysis.members).toBe(5);
    expect(analysis.last7).toEqual({ added: 7, removed: 2 });
    // Members 1 (Converted), 2 (New), 3 (Won), 4 (Converted), 6 (no status): 3 of 5.
    expect(analysis.conversion).toEqual({ members: 5, converted: 3, rate: 0.6 });

    // Only "Won" converts now: 1 of 5.
    await setConvertedStatuses(db, ['won']);
    expect((await loadSegmentAnalysis(db, segment.id, '2024-06-21')).conversion).toEqual({ members: 5, converted: 1, rate: 0.2 });
  });

  it('writes a row for a refresh that changed nothing on its day, and none for a day without change', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { source: 'Web' })], { now: day(0), timeZone: TIME_ZONE });
    const segment = await createSegment(db, draft('Google', sourceIs('Google')), OWNER, { now: day(0) });
    await settle(db, day(0));
    expect(await historyOfSegment(db, segment.id)).toEqual([{ segmentId: segment.id, day: '2024-06-15', count: 0, added: 0, removed: 0 }]);
  });

  it('deletes the history with the segment', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { source: 'Google' })], { now: day(0), timeZone: TIME_ZONE });
    const segment = await createSegment(db, draft('Google', sourceIs('Google')), OWNER, { now: day(0) });
    const other = await createSegment(db, draft('Also Google', sourceIs('Google')), OWNER, { now: day(0) });
    await settle(db, day(0));
    await ingestLeads(db, [makeLead('2', { source: 'Google' })], { now: day(1), timeZone: TIME_ZONE });
    expect(await historyOfSegment(db, segment.id)).toHaveLength(2);

    await deleteSegment(db, segment.id, { actorId: OWNER.userId });
    expect(await historyOfSegment(db, segment.id)).toEqual([]);
    expect(await historyOfSegment(db, other.id)).toHaveLength(2);
  });
});
