import { describe, expect, it } from 'vitest';
import { CrmSegmentsDB } from '../db/database';
import { clearAllTables, exportBackup, parseBackup, restoreParsedBackup } from '../db/backup';
import { getSegment, listSegments, putSegment } from '../db/segments';
import { segmentMemberships } from '../db/member-rows';
import { CONFIG_STAMP_KEY } from '../db/config-stamp';
import { ingestLeads } from './ingest';
import { createSegment, updateSegment } from './segment-editing';
import { draft, makeLead, NOW, openTestDatabase, OWNER, runPendingJobs, statusIs, TIME_ZONE } from './test-support';

/**
 * The segments, custom fields and jobs an ingest keeps in memory (`readConfigRows`, issue 10) are
 * never used stale: every case changes them between two ingests in a way the kept copy cannot
 * know of, then checks the second ingest against the rules as stored.
 */
const at = (k: number) => ({ now: NOW + k, timeZone: TIME_ZONE });

async function memberIds(db: CrmSegmentsDB, segmentId: string): Promise<string[]> {
  return (await segmentMemberships(db, segmentId)).map((m) => m.leadId).sort();
}

describe('ingest: configuration kept in memory', () => {
  it('keeps the copy across its own member count writes, and sees a rule edit made in between', async () => {
    const db = openTestDatabase('config-edit');
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, at(0));
    await ingestLeads(db, [makeLead('1', { status: 'Hot' })], at(1));
    await ingestLeads(db, [makeLead('2', { status: 'Hot' })], at(2));
    expect(await memberIds(db, hot.id)).toEqual(['demo/1', 'demo/2']);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(2);

    await updateSegment(db, hot.id, { rules: statusIs('Cold') }, { now: NOW + 3, actorId: OWNER.userId });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW + 4 });
    expect(await memberIds(db, hot.id)).toEqual([]);
    await ingestLeads(db, [makeLead('3', { status: 'Cold' }), makeLead('4', { status: 'Hot' })], at(5));
    expect(await memberIds(db, hot.id)).toEqual(['demo/3']);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(1);
  });

  it('sees a segment written by another connection to the database (another page or context)', async () => {
    const db = openTestDatabase('config-other');
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, at(0));
    await ingestLeads(db, [makeLead('1', { status: 'Cold' })], at(1));
    const other = new CrmSegmentsDB(db.name);
    const stored = (await getSegment(other, hot.id))!;
    await putSegment(other, { ...stored, status: 'inactive' });
    other.close();
    await ingestLeads(db, [makeLead('2', { status: 'Hot' })], at(2));
    // Inactive segments are not touched by ingest: a stale copy would have added demo/2.
    expect(await memberIds(db, hot.id)).toEqual([]);
  });

  it('does not bring back a segment that "Delete all data" removed', async () => {
    const db = openTestDatabase('config-clear');
    await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, at(0));
    await ingestLeads(db, [makeLead('1', { status: 'Hot' })], at(1));
    await clearAllTables(db);
    expect(await db.meta.get(CONFIG_STAMP_KEY)).toBeUndefined();
    await ingestLeads(db, [makeLead('2', { status: 'Hot' })], at(2));
    expect(await listSegments(db)).toEqual([]);
    expect(await db.memberBlocks.count()).toBe(0);
  });

  it('uses the restored segments after a backup restore, not the ones kept before it', async () => {
    const db = openTestDatabase('config-restore');
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, at(0));
    await ingestLeads(db, [makeLead('1', { status: 'Hot' })], at(1));
    const backup = await exportBackup(db, NOW + 2);
    // After the backup: the rules change and an ingest keeps the new configuration in memory.
    await updateSegment(db, hot.id, { rules: statusIs('Cold') }, { now: NOW + 3, actorId: OWNER.userId });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW + 4 });
    await ingestLeads(db, [makeLead('2', { status: 'Cold' })], at(5));
    expect(await memberIds(db, hot.id)).toEqual(['demo/2']);

    const parsed = parseBackup(db, JSON.parse(JSON.stringify(backup)));
    if ('error' in parsed) throw new Error(parsed.error);
    await restoreParsedBackup(db, parsed);
    await ingestLeads(db, [makeLead('3', { status: 'Hot' }), makeLead('4', { status: 'Cold' })], at(6));
    expect(await memberIds(db, hot.id)).toEqual(['demo/1', 'demo/3']);
    expect((await getSegment(db, hot.id))?.memberCount).toBe(2);
    expect((await getSegment(db, hot.id))?.rules).toEqual(statusIs('Hot'));
  });
});
