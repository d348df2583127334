import { describe, expect, it } from 'vitest';
import { ingestLeads } from '../segments';
import { makeLead, NOW, openTestDatabase, TIME_ZONE } from '../segments/test-support';
import { SYNC_STATUS_KEY, readStoredSyncStatus } from '../sync/status';
import { clearAllTables, exportBackup, parseBackup, restoreParsedBackup, type Backup } from './backup';
import { getConnection, putConnection, updateConnection } from './connections';
import type { CrmSegmentsDB } from './database';

const ORIGIN = 'http://127.0.0.1:5174';
const FAILED = 'The CRM is not reachable at http://127.0.0.1:5174. No lead was saved.';

async function seeded(): Promise<CrmSegmentsDB> {
  const db = openTestDatabase('restore-sync-state');
  await ingestLeads(db, [makeLead('1'), makeLead('2')], { now: NOW, timeZone: TIME_ZONE });
  await putConnection(db, { origin: ORIGIN, adapterId: 'demo-crm', crmKey: 'demo', label: 'Acme CRM (demo)', connectedAt: 1, grantedPermission: false });
  return db;
}

async function backupOf(db: CrmSegmentsDB) {
  const parsed = parseBackup(db, JSON.parse(JSON.stringify(await exportBackup(db, NOW))) as Backup);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

describe('restoring a backup keeps this browser’s sync state', () => {
  it('does not bring back a sync failure recorded in the backup once a later sync succeeded', async () => {
    const db = await seeded();
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 2, running: false, lastSyncAt: 10, lastError: FAILED } });
    await updateConnection(db, ORIGIN, { lastSyncAt: 10, lastScheduledError: 'down' });
    const backup = await backupOf(db);
    // A later sync succeeds: the failures are gone.
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 2, running: false, lastSyncAt: 20 } });
    await updateConnection(db, ORIGIN, { lastScheduledError: undefined });

    await restoreParsedBackup(db, backup);
    // The restored data's own last sync stays; the file's failures do not come back.
    expect(await readStoredSyncStatus(db)).toEqual({ leadCount: 2, running: false, lastSyncAt: 10 });
    expect(await getConnection(db, ORIGIN)).not.toHaveProperty('lastScheduledError');
    expect(await getConnection(db, ORIGIN)).toMatchObject({ lastSyncAt: 10 });
  });

  it('keeps a failure that is still current, and never restores a "running" sync from the file', async () => {
    const db = await seeded();
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 2, running: true, progress: { done: 1 }, lastSyncAt: 10 } });
    const backup = await backupOf(db);
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 2, running: false, lastSyncAt: 10, lastError: FAILED } });
    await updateConnection(db, ORIGIN, { lastScheduledError: 'down' });

    await restoreParsedBackup(db, backup);
    expect(await readStoredSyncStatus(db)).toEqual({ leadCount: 2, running: false, lastSyncAt: 10, lastError: FAILED });
    expect(await getConnection(db, ORIGIN)).toMatchObject({ lastScheduledError: 'down' });
  });

  it('a backup without a sync status gets this browser’s failure, counting the restored leads; after "Delete all data" nothing is added', async () => {
    const db = await seeded();
    const backup = await backupOf(db);
    expect(await readStoredSyncStatus(db)).toBeNull();
    await db.meta.put({ key: SYNC_STATUS_KEY, value: { leadCount: 0, running: false, lastError: FAILED } });
    await restoreParsedBackup(db, backup);
    expect(await readStoredSyncStatus(db)).toEqual({ leadCount: 2, running: false, lastError: FAILED });

    await clearAllTables(db);
    await restoreParsedBackup(db, backup);
    expect(await readStoredSyncStatus(db)).toBeNull();
  });
});
