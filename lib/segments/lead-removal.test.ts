import { describe, expect, it } from 'vitest';
import { countLeads, getSegment, historyOfSegment, leadIdsOfCrm, memberIds } from '../db';
import { ingestLeads } from './ingest';
import { deleteLeads, deleteLeadsAbsentFromSync } from './lead-removal';
import { createSegment } from './segment-editing';
import { deactivateSegment } from './segment-lifecycle';
import { DAY_MS, NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const acme = (crmId: string, status: string) => ({ ...makeLead(crmId, { status }), id: `acme/${crmId}`, crmKey: 'acme' });

describe('deleteLeadsAbsentFromSync', () => {
  it('deletes only that CRM’s unseen leads and their memberships, keeping counts and history exact', async () => {
    const db = openTestDatabase();
    await ingestLeads(
      db,
      [makeLead('1', { status: 'Hot' }), makeLead('2', { status: 'Hot' }), makeLead('3', { status: 'Cold' }), acme('1', 'Hot')],
      { now: NOW, timeZone: TIME_ZONE },
    );
    const hot = await createSegment(db, draft('Hot', statusIs('Hot')), OWNER, { now: NOW });
    const frozen = await createSegment(db, draft('Frozen', statusIs('Hot')), OWNER, { now: NOW });
    await runPendingJobs(db, { timeZone: TIME_ZONE, clock: () => NOW });
    await deactivateSegment(db, frozen.id, { now: NOW });

    const later = NOW + DAY_MS;
    const deleted = await deleteLeadsAbsentFromSync(db, 'demo', new Set(['demo/1']), { now: later, timeZone: TIME_ZONE });
    expect(deleted).toBe(2);
    expect(await leadIdsOfCrm(db, 'demo')).toEqual(['demo/1']);
    expect(await leadIdsOfCrm(db, 'acme')).toEqual(['acme/1']);
    for (const segment of [hot, frozen]) {
      expect(await memberIds(db, segment.id)).toEqual(['acme/1', 'demo/1']);
      expect((await getSegment(db, segment.id))?.memberCount).toBe(2);
      expect((await historyOfSegment(db, segment.id)).at(-1)).toEqual({
        segmentId: segment.id,
        day: '2024-06-16',
        count: 2,
        added: 0,
        removed: 1,
      });
    }
  });

  it('ignores unknown ids', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1')], { now: NOW, timeZone: TIME_ZONE });
    expect(await deleteLeads(db, ['demo/404'], { now: NOW, timeZone: TIME_ZONE })).toBe(0);
    expect(await countLeads(db)).toBe(1);
  });
});
