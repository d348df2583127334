import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../segments/test-support';
import {
  clearCrmUserOf,
  getAutoSyncMinutes,
  getConnection,
  getCurrentUser,
  listConnections,
  putConnection,
  removeConnection,
  setAutoSyncMinutes,
  setCrmUser,
  setCurrentUserOverride,
  StoreValidationError,
  updateConnection,
  type CrmConnection,
} from './index';

const ACME: CrmConnection = {
  origin: 'http://127.0.0.1:5174',
  adapterId: 'demo-crm',
  crmKey: 'demo@127.0.0.1:5174',
  label: 'Acme CRM (demo)',
  connectedAt: 1000,
  grantedPermission: false,
};
const OLIVIA = { userId: 'u-olivia', name: 'Olivia Bennett', role: 'owner' as const, orgId: 'org-acme' };
const PRIYA = { userId: 'u-priya', name: 'Priya Shah', role: 'member' as const, orgId: 'org-acme' };

describe('connected CRMs repository', () => {
  it('adds, replaces, patches and removes connections by origin', async () => {
    const db = openTestDatabase();
    expect(await listConnections(db)).toEqual([]);
    await putConnection(db, ACME);
    await putConnection(db, { ...ACME, origin: 'https://crm.example', crmKey: 'x', grantedPermission: true });
    await putConnection(db, { ...ACME, connectedAt: 2000 });
    expect((await listConnections(db)).map((c) => [c.origin, c.connectedAt])).toEqual([
      ['http://127.0.0.1:5174', 2000],
      ['https://crm.example', 1000],
    ]);
    const patched = await updateConnection(db, ACME.origin, { lastSyncAt: 5000, changesSince: 4000, lastScheduledError: 'down' });
    expect(patched).toMatchObject({ lastSyncAt: 5000, changesSince: 4000, lastScheduledError: 'down' });
    const cleared = await updateConnection(db, ACME.origin, { lastScheduledError: undefined });
    expect(cleared && 'lastScheduledError' in cleared).toBe(false);
    expect(await updateConnection(db, 'http://nowhere', { lastSyncAt: 1 })).toBeUndefined();
    expect((await removeConnection(db, ACME.origin))?.origin).toBe(ACME.origin);
    expect(await getConnection(db, ACME.origin)).toBeUndefined();
    expect(await removeConnection(db, ACME.origin)).toBeUndefined();
    expect((await listConnections(db)).map((c) => c.origin)).toEqual(['https://crm.example']);
  });

  it('refuses an invalid connection and keeps the list as it was', async () => {
    const db = openTestDatabase();
    await putConnection(db, ACME);
    await expect(putConnection(db, { ...ACME, origin: 'http://b', adapterId: '' })).rejects.toThrow(StoreValidationError);
    expect(await listConnections(db)).toEqual([ACME]);
  });

  it('keeps the scheduled sync period, 15 minutes unless set, 0 = off', async () => {
    const db = openTestDatabase();
    expect(await getAutoSyncMinutes(db)).toBe(15);
    await setAutoSyncMinutes(db, 0);
    expect(await getAutoSyncMinutes(db)).toBe(0);
    await expect(setAutoSyncMinutes(db, -5)).rejects.toThrow(StoreValidationError);
    await expect(setAutoSyncMinutes(db, 2.5)).rejects.toThrow(StoreValidationError);
    expect(await getAutoSyncMinutes(db)).toBe(0);
  });
});

describe('current user (getCurrentUser)', () => {
  it('is nobody, then the CRM API user with its origin, then the manual override, then the CRM again', async () => {
    const db = openTestDatabase();
    expect(await getCurrentUser(db)).toEqual({ user: null, source: { kind: 'none' }, crm: null });
    await setCrmUser(db, { user: OLIVIA, origin: ACME.origin, checkedAt: 42 });
    expect(await getCurrentUser(db)).toEqual({
      user: OLIVIA,
      source: { kind: 'crm', origin: ACME.origin, checkedAt: 42 },
      crm: { user: OLIVIA, origin: ACME.origin, checkedAt: 42 },
    });
    await setCurrentUserOverride(db, PRIYA);
    const overridden = await getCurrentUser(db);
    expect(overridden.user).toEqual(PRIYA);
    expect(overridden.source).toEqual({ kind: 'override' });
    expect(overridden.crm?.user).toEqual(OLIVIA);
    await setCurrentUserOverride(db, null);
    expect((await getCurrentUser(db)).user).toEqual(OLIVIA);
  });

  it('forgets the CRM user only when its origin is the one disconnected', async () => {
    const db = openTestDatabase();
    await setCrmUser(db, { user: OLIVIA, origin: ACME.origin, checkedAt: 1 });
    expect(await clearCrmUserOf(db, 'http://127.0.0.1:9999')).toBe(false);
    expect((await getCurrentUser(db)).user).toEqual(OLIVIA);
    expect(await clearCrmUserOf(db, ACME.origin)).toBe(true);
    expect((await getCurrentUser(db)).source).toEqual({ kind: 'none' });
  });

  it('refuses a CRM user with an unknown role', async () => {
    const db = openTestDatabase();
    await expect(setCrmUser(db, { user: { ...OLIVIA, role: 'root' as 'owner' }, origin: ACME.origin, checkedAt: 1 })).rejects.toThrow(StoreValidationError);
    expect((await getCurrentUser(db)).user).toBeNull();
  });
});
