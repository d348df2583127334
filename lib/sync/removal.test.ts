import { describe, expect, it } from 'vitest';
import { getLead, putLeads } from '../db';
import { getPendingRemoval } from '../db/pending-removal';
import { makeLead, NOW, openTestDatabase, TIME_ZONE } from '../segments/test-support';
import { resolvePendingRemoval, settleAbsentLeads } from './removal';

const at = { now: NOW, timeZone: TIME_ZONE };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `demo/${i + 1}`);

async function storeLeads(n: number, syncedAt = NOW - 1000) {
  const db = openTestDatabase();
  await putLeads(db, Array.from({ length: n }, (_, i) => makeLead(String(i + 1), { syncedAt })));
  return db;
}

describe('settleAbsentLeads', () => {
  it('deletes absent leads after a complete sync when they are at most 10% of the stored ones', async () => {
    const db = await storeLeads(10);
    const seen = new Set(ids(9));
    expect(await settleAbsentLeads(db, { crmKey: 'demo', seen, complete: true, storedIds: ids(10), startedAt: NOW }, at)).toEqual({ deleted: 1, kept: 0, pendingRemoval: 0 });
    expect(await getLead(db, 'demo/10')).toBeUndefined();
  });

  it('removes nothing after an incomplete sync', async () => {
    const db = await storeLeads(10);
    expect(await settleAbsentLeads(db, { crmKey: 'demo', seen: new Set(ids(5)), complete: false, storedIds: ids(10), startedAt: NOW }, at)).toEqual({ deleted: 0, kept: 5, pendingRemoval: 0 });
    expect(await getPendingRemoval(db)).toBeUndefined();
  });

  it('asks first when more than 10% would go, and only the other CRMs’ leads stay untouched', async () => {
    const db = await storeLeads(10);
    await putLeads(db, [{ ...makeLead('x'), id: 'acme/x', crmKey: 'acme' }]);
    const outcome = await settleAbsentLeads(db, { crmKey: 'demo', seen: new Set(ids(8)), complete: true, storedIds: ids(10), startedAt: NOW }, at);
    expect(outcome).toEqual({ deleted: 0, kept: 2, pendingRemoval: 2 });
    expect(await getPendingRemoval(db)).toEqual({ crmKey: 'demo', leadIds: ['demo/9', 'demo/10'], storedBefore: 10, syncStartedAt: NOW });
  });
});

describe('resolvePendingRemoval', () => {
  it('deletes the pending leads not synced again since, and clears the request', async () => {
    const db = await storeLeads(10);
    await settleAbsentLeads(db, { crmKey: 'demo', seen: new Set(ids(7)), complete: true, storedIds: ids(10), startedAt: NOW }, at);
    await putLeads(db, [makeLead('8', { syncedAt: NOW + 5 })]); // synced again after the sync started
    expect(await resolvePendingRemoval(db, true, at)).toEqual({ deleted: 2, kept: 1 });
    expect(await getLead(db, 'demo/8')).toBeDefined();
    expect(await getLead(db, 'demo/9')).toBeUndefined();
    expect(await getPendingRemoval(db)).toBeUndefined();
  });

  it('keeps them when the user says so, and does nothing when nothing is pending', async () => {
    const db = await storeLeads(10);
    expect(await resolvePendingRemoval(db, true, at)).toEqual({ deleted: 0, kept: 0 });
    await settleAbsentLeads(db, { crmKey: 'demo', seen: new Set(ids(5)), complete: true, storedIds: ids(10), startedAt: NOW }, at);
    expect(await resolvePendingRemoval(db, false, at)).toEqual({ deleted: 0, kept: 5 });
    expect(await getLead(db, 'demo/6')).toBeDefined();
    expect(await getPendingRemoval(db)).toBeUndefined();
  });
});
