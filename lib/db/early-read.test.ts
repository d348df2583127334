import { describe, expect, it } from 'vitest';
import { NOW, OWNER, draft, makeLead, openTestDatabase, statusIs } from '../segments/test-support';
import { createSegment } from '../segments/segment-editing';
import { IDB_VERSION } from './db-name';
import { readEarly, startEarlyRead, takeEarlyRead } from './early-read';
import { deleteLeadRows, putLeads } from './leads';
import { changeMembershipsOf } from './memberships';
import { firstMemberPage } from './member-rows';
import { readSegmentOverview } from './segment-overview';
import { putCampaigns } from './campaigns';
import { CRM_USER_KEY, LOCAL_USER, getCurrentUser, setCrmUser } from './identity';
import { setCurrentUserOverride } from './settings';

const exists = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);

describe('readEarly (the pages\' first read, raw IndexedDB)', () => {
  it('reads what readSegmentOverview and firstMemberPage read, across blocks and without missing leads', async () => {
    const db = openTestDatabase('early');
    const leads = Array.from({ length: 1300 }, (_, i) => makeLead(`L${String(i).padStart(5, '0')}`));
    await putLeads(db, leads);
    await putCampaigns(db, [{ id: 'c1', crmKey: 'demo', name: 'Spring', status: 'active', segmentIds: [] }]);
    const a = await createSegment(db, draft('Contacted', statusIs('Contacted')), OWNER, { now: NOW });
    await createSegment(db, draft('New', statusIs('New')), OWNER, { now: NOW });
    await changeMembershipsOf(db, a.id, { add: leads.map((l) => l.id), remove: [] }, NOW);
    await deleteLeadRows(db, [leads[3]!.id]);

    const early = await readEarly({ name: db.name, segmentId: a.id, limit: 1100 });
    expect(early?.overview).toEqual(await readSegmentOverview(db));
    expect(early?.overview.segments.map((s) => s.name).sort()).toEqual(['Contacted', 'New']);
    expect(early?.overview.jobs).toHaveLength(2);
    expect(early?.overview.campaigns.map((c) => c.name)).toEqual(['Spring']);
    const page = await firstMemberPage(db, a.id, 1100);
    expect(page).toHaveLength(1099);
    expect(early?.firstPage).toEqual({ segmentId: a.id, members: page });
    expect((await readEarly({ name: db.name, segmentId: 'nobody', limit: 10 }))?.firstPage).toEqual({ segmentId: 'nobody', members: [] });
    db.close();
  });

  it('is the schema version Dexie opens', async () => {
    const db = openTestDatabase('early-version');
    await db.open();
    expect(db.verno * 10).toBe(IDB_VERSION);
    expect((await readEarly({ name: db.name }))?.overview).toEqual({ segments: [], campaigns: [], customFields: [], jobs: [] });
    db.close();
  });

  it('leaves a missing or older database alone', async () => {
    expect(await readEarly({ name: 'early-missing' })).toBeUndefined();
    expect(await exists('early-missing')).toBe(false);
    await new Promise<void>((resolve) => {
      const open = indexedDB.open('early-old', 10);
      open.onupgradeneeded = () => open.result.createObjectStore('segments', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
    });
    expect(await readEarly({ name: 'early-old' })).toBeUndefined();
  });

  it('hands the started read over once', async () => {
    startEarlyRead({ name: 'early-missing-too' });
    const read = takeEarlyRead();
    expect(await read).toBeUndefined();
    expect(takeEarlyRead()).not.toBe(read);
  });
});

describe('readEarly: who is signed in', () => {
  const priya = { userId: 'u-priya', name: 'Priya', role: 'member', orgId: 'acme' } as const;
  const admin = { userId: 'u-ada', name: 'Ada', role: 'admin', orgId: 'acme' } as const;
  /** What the background's getCurrentUser answers (lib/background/service.ts). */
  const background = async (db: ReturnType<typeof openTestDatabase>) => (await getCurrentUser(db)).user ?? LOCAL_USER;

  it('answers what the background answers: the local user, the CRM user, the override over both', async () => {
    const db = openTestDatabase('early-identity');
    await db.open();
    expect((await readEarly({ name: db.name }))?.user).toEqual(await background(db));
    expect((await readEarly({ name: db.name }))?.user).toEqual(LOCAL_USER);
    await setCrmUser(db, { user: priya, origin: 'http://127.0.0.1:5174', checkedAt: NOW });
    expect((await readEarly({ name: db.name }))?.user).toEqual(priya);
    expect(await background(db)).toEqual(priya);
    await setCurrentUserOverride(db, admin);
    expect((await readEarly({ name: db.name }))?.user).toEqual(admin);
    expect(await background(db)).toEqual(admin);
    await setCurrentUserOverride(db, null);
    expect((await readEarly({ name: db.name }))?.user).toEqual(priya);
    db.close();
  });

  it('leaves a row that is not as its schema keeps it to the background', async () => {
    const db = openTestDatabase('early-identity-stale');
    await db.open();
    await db.meta.put({ key: CRM_USER_KEY, value: { user: { ...priya, role: 'guest' }, origin: 'http://crm.test', checkedAt: NOW } });
    const early = await readEarly({ name: db.name });
    expect(early?.overview.segments).toEqual([]);
    expect(early?.user).toBeUndefined();
    db.close();
  });
});
