import { describe, expect, it } from 'vitest';
import { putLeads } from '../db';
import { makeLead, openTestDatabase } from '../segments/test-support';
import { readSyncStatus, updateSyncStatus } from './status';

const report = (skipped: number) => ({
  crmKey: 'demo',
  received: skipped,
  stored: 0,
  unchanged: 0,
  skipped: Array.from({ length: skipped }, (_, i) => ({ ref: `#${i + 1}`, reason: 'no id' })),
  nulledValues: 0,
  deleted: 0,
  startedAt: 1,
  finishedAt: 2,
});

describe('sync status', () => {
  it('reads an empty status with the current lead count before any sync', async () => {
    const db = openTestDatabase();
    await putLeads(db, [makeLead('1'), makeLead('2')]);
    expect(await readSyncStatus(db)).toEqual({ leadCount: 2, running: false });
  });

  it('merges patches, drops keys set to undefined and keeps the lead count current', async () => {
    const db = openTestDatabase();
    await updateSyncStatus(db, { running: true, progress: { done: 5, total: 10 } });
    await putLeads(db, [makeLead('1')]);
    const next = await updateSyncStatus(db, { running: false, progress: undefined, lastSyncAt: 99 });
    expect(next).toEqual({ leadCount: 1, running: false, lastSyncAt: 99 });
    expect(await readSyncStatus(db)).toEqual(next);
  });

  it('keeps only the first 200 skipped records of a report', async () => {
    const db = openTestDatabase();
    const stored = await updateSyncStatus(db, { lastReport: report(250) });
    expect(stored.lastReport?.skipped).toHaveLength(200);
    expect(stored.lastReport?.skipped.at(-1)).toEqual({ ref: '#200', reason: 'no id' });
  });
});
