import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CrmSegmentsDB } from '../db/database';
import { addMemberships } from '../db/memberships';
import { memberColumns, pickColumns } from '../format/member-columns';
import { testLead } from '../format/test-leads';
import { createFormatter } from '../format/value';
import { firstRows, loadSegmentMembers } from './segment-members';

let db: CrmSegmentsDB;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

async function seed(): Promise<CrmSegmentsDB> {
  db = openDatabase(`segment-members-${Math.random()}`);
  await db.leads.bulkPut([
    testLead('1', { name: 'Cy', email: 'cy@x.io' }),
    testLead('2', { name: 'Ann', email: 'ann@x.io' }),
    testLead('3', { name: 'Bob', email: 'bob@x.io' }),
    testLead('4', { name: 'Other' }),
  ]);
  await addMemberships(db, [
    { segmentId: 'seg-a', leadId: 'demo@test/1', addedAt: 10 },
    { segmentId: 'seg-a', leadId: 'demo@test/2', addedAt: 20 },
    { segmentId: 'seg-a', leadId: 'demo@test/3', addedAt: 30 },
    { segmentId: 'seg-a', leadId: 'demo@test/missing', addedAt: 40 },
    { segmentId: 'seg-ab', leadId: 'demo@test/4', addedAt: 50 },
    { segmentId: 'seg-b', leadId: 'demo@test/4', addedAt: 60 },
  ]);
  return db;
}

describe('loadSegmentMembers', () => {
  it('joins the segment memberships with their leads, skipping missing leads and other segments', async () => {
    const rows = await loadSegmentMembers(await seed(), 'seg-a');
    expect(rows.map((r) => [r.lead.name, r.addedAt])).toEqual([
      ['Cy', 10],
      ['Ann', 20],
      ['Bob', 30],
    ]);
  });

  it('gives the same rows when it scans the whole leads table (large segment)', async () => {
    const database = await seed();
    await database.leads.bulkPut([testLead('5', { name: 'Eve' })]);
    await addMemberships(database, [
      { segmentId: 'seg-big', leadId: 'demo@test/1', addedAt: 1 },
      { segmentId: 'seg-big', leadId: 'demo@test/2', addedAt: 2 },
      { segmentId: 'seg-big', leadId: 'demo@test/4', addedAt: 3 },
      { segmentId: 'seg-big', leadId: 'demo@test/gone', addedAt: 4 },
    ]);
    const rows = await loadSegmentMembers(database, 'seg-big');
    expect(rows.map((r) => [r.lead.name, r.addedAt])).toEqual([
      ['Cy', 1],
      ['Ann', 2],
      ['Other', 3],
    ]);
  });

  it('reads a small segment key by key with the same result shape', async () => {
    const rows = await loadSegmentMembers(await seed(), 'seg-b');
    expect(rows.map((r) => [r.lead.name, r.addedAt])).toEqual([['Other', 60]]);
  });

  it('returns nothing for an unknown segment', async () => {
    expect(await loadSegmentMembers(await seed(), 'nope')).toEqual([]);
  });
});

describe('firstRows', () => {
  it('returns the member count and the first rows sorted and formatted', async () => {
    const columns = pickColumns(memberColumns([]), ['name', 'email']);
    const result = await firstRows(await seed(), 'seg-a', {
      columns,
      sort: { columnId: 'name', direction: 'asc' },
      formatter: createFormatter({ locale: 'en-US', timeZone: 'UTC' }),
      count: 2,
    });
    expect(result).toEqual({
      total: 3,
      rows: [
        ['Ann', 'ann@x.io'],
        ['Bob', 'bob@x.io'],
      ],
    });
  });
});
