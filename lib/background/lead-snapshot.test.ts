import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { ingestLeads } from '../segments';
import { createLeadSnapshot } from './lead-snapshot';

const lead = (crmId: string, status: string) => ({
  id: `t/${crmId}`,
  crmKey: 't',
  crmId,
  name: `Lead ${crmId}`,
  status,
  tags: [],
  campaigns: [],
  custom: {},
  syncedAt: 1,
});

describe('createLeadSnapshot', () => {
  it('serves the stored leads from memory until invalidated', async () => {
    const db = openDatabase(`snapshot-${Math.random()}`);
    await ingestLeads(db, [lead('1', 'New'), lead('2', 'Won')], { now: 1, timeZone: 'UTC' });
    const snapshot = createLeadSnapshot(db);
    const first = await snapshot.get();
    expect(first?.map((l) => l.status)).toEqual(['New', 'Won']);
    await ingestLeads(db, [lead('1', 'Lost')], { now: 2, timeZone: 'UTC' });
    expect(await snapshot.get()).toBe(first);
    snapshot.invalidate();
    expect((await snapshot.get())?.map((l) => l.status)).toEqual(['Lost', 'Won']);
  });

  it('declines to hold more leads than its cap', async () => {
    const db = openDatabase(`snapshot-${Math.random()}`);
    await ingestLeads(db, [lead('1', 'New'), lead('2', 'New'), lead('3', 'New')], { now: 1, timeZone: 'UTC' });
    expect(await createLeadSnapshot(db, 2).get()).toBeNull();
  });

  it('discards a load that raced a write', async () => {
    const db = openDatabase(`snapshot-${Math.random()}`);
    await ingestLeads(db, [lead('1', 'New')], { now: 1, timeZone: 'UTC' });
    const snapshot = createLeadSnapshot(db);
    const racing = snapshot.get();
    snapshot.invalidate();
    await racing;
    await ingestLeads(db, [lead('1', 'Won')], { now: 2, timeZone: 'UTC' });
    expect((await snapshot.get())?.[0]?.status).toBe('Won');
  });
});
