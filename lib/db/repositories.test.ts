import { describe, expect, it } from 'vitest';
import { makeLead, openTestDatabase } from '../segments/test-support';
import {
  addMemberships,
  countLeads,
  countMemberships,
  deleteMembershipsOfSegment,
  getCurrentUserOverride,
  getEvaluationTimeZone,
  getMeta,
  historyOfSegment,
  leadIdsOfCrm,
  leadsAfter,
  listCampaigns,
  listCustomFields,
  listJobs,
  memberIdsInRange,
  membershipsOfLeads,
  putCampaigns,
  putCustomFields,
  putJob,
  putLeads,
  putSegment,
  recordHistory,
  removeSegmentFromCampaigns,
  runtimeTimeZone,
  setCampaignSegmentIds,
  setCurrentUserOverride,
  setEvaluationTimeZone,
  setMeta,
  StoreValidationError,
  upsertCrmCampaigns,
  writeTransaction,
} from './index';
import { z } from '../schema';

describe('leads repository', () => {
  it('validates every lead before writing and writes nothing when one is invalid', async () => {
    const db = openTestDatabase();
    const bad = { ...makeLead('2'), id: 'wrong/2' };
    await expect(putLeads(db, [makeLead('1'), bad])).rejects.toThrow(StoreValidationError);
    expect(await countLeads(db)).toBe(0);
    await putLeads(db, [makeLead('1'), makeLead('2')]);
    expect(await countLeads(db)).toBe(2);
  });

  it('reads chunks in primary-key order after a cursor', async () => {
    const db = openTestDatabase();
    await putLeads(db, ['3', '1', '2', '4'].map((n) => makeLead(n)));
    expect((await leadsAfter(db, undefined, 2)).map((l) => l.id)).toEqual(['demo/1', 'demo/2']);
    expect((await leadsAfter(db, 'demo/2', 5)).map((l) => l.id)).toEqual(['demo/3', 'demo/4']);
    expect(await leadsAfter(db, 'demo/4', 5)).toEqual([]);
  });

  it('lists one CRM account’s lead ids through the crmKey index', async () => {
    const db = openTestDatabase();
    await putLeads(db, [makeLead('1'), { ...makeLead('x'), id: 'acme/7', crmKey: 'acme', crmId: '7' }]);
    expect(await leadIdsOfCrm(db, 'acme')).toEqual(['acme/7']);
  });
});

describe('memberships repository', () => {
  it('reads a segment’s members in a half-open lead-id range', async () => {
    const db = openTestDatabase();
    await addMemberships(
      db,
      ['a', 'b', 'c', 'd'].map((leadId) => ({ segmentId: 's1', leadId, addedAt: 1 })),
    );
    await addMemberships(db, [{ segmentId: 's2', leadId: 'b', addedAt: 1 }]);
    expect(await memberIdsInRange(db, 's1', undefined, 'b')).toEqual(['a', 'b']);
    expect(await memberIdsInRange(db, 's1', 'b', 'd')).toEqual(['c', 'd']);
    expect(await memberIdsInRange(db, 's1', 'b', undefined)).toEqual(['c', 'd']);
    expect(await memberIdsInRange(db, 's1', undefined, undefined)).toEqual(['a', 'b', 'c', 'd']);
    expect((await membershipsOfLeads(db, ['b'])).map((m) => m.segmentId).sort()).toEqual(['s1', 's2']);
    expect(await countMemberships(db, 's1')).toBe(4);
    expect(await deleteMembershipsOfSegment(db, 's1')).toBe(4);
    expect(await countMemberships(db, 's2')).toBe(1);
  });

  it('rejects an invalid membership row', async () => {
    const db = openTestDatabase();
    await expect(addMemberships(db, [{ segmentId: '', leadId: 'a', addedAt: 1 }])).rejects.toThrow(/membership/);
  });
});

describe('history repository', () => {
  it('accumulates added/removed over a day and keeps the latest count', async () => {
    const db = openTestDatabase();
    await recordHistory(db, { segmentId: 's', day: '2024-06-15', count: 3, added: 3, removed: 0 });
    await recordHistory(db, { segmentId: 's', day: '2024-06-15', count: 2, added: 0, removed: 1 });
    await recordHistory(db, { segmentId: 's', day: '2024-06-16', count: 4, added: 2, removed: 0 });
    expect(await historyOfSegment(db, 's')).toEqual([
      { segmentId: 's', day: '2024-06-15', count: 2, added: 3, removed: 1 },
      { segmentId: 's', day: '2024-06-16', count: 4, added: 2, removed: 0 },
    ]);
  });
});

describe('segments and jobs repositories', () => {
  it('rejects a segment with an unvalidated colour', async () => {
    const db = openTestDatabase();
    const segment = {
      id: 's',
      name: 'X',
      description: '',
      color: 'red;background:url(x)',
      rules: { combinator: 'and' as const, rules: [{ field: 'status', operator: 'is_empty' }] },
      status: 'active' as const,
      ownerId: 'u',
      ownerName: 'U',
      orgId: 'o',
      createdAt: 1,
      updatedAt: 1,
      rulesVersion: 1,
      memberCount: 0,
    };
    await expect(putSegment(db, segment)).rejects.toThrow(/colour/);
  });

  it('lists jobs oldest first', async () => {
    const db = openTestDatabase();
    const job = { kind: 'refresh' as const, rulesVersion: 1, processed: 0, total: 0, updatedAt: 1, now: 1 };
    await putJob(db, { ...job, id: 'refresh:b', segmentId: 'b', startedAt: 20 });
    await putJob(db, { ...job, id: 'refresh:a', segmentId: 'a', startedAt: 10 });
    expect((await listJobs(db)).map((j) => j.id)).toEqual(['refresh:a', 'refresh:b']);
    await expect(putJob(db, { ...job, id: 'x', segmentId: 'x', startedAt: 1, processed: -1 })).rejects.toThrow(StoreValidationError);
  });
});

describe('campaigns repository', () => {
  it('keeps segmentIds set in the extension when the CRM re-sends a campaign', async () => {
    const db = openTestDatabase();
    await putCampaigns(db, [{ id: 'email', crmKey: 'demo', name: 'Old', status: 'draft', segmentIds: [] }]);
    await setCampaignSegmentIds(db, 'email', ['s1', 's2', 's1']);
    await upsertCrmCampaigns(db, [
      { id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', segmentIds: [] },
      { id: 'sms', crmKey: 'demo', name: 'SMS Follow-up', status: 'active', segmentIds: [] },
    ]);
    const campaigns = await listCampaigns(db);
    expect(campaigns).toEqual([
      { id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', segmentIds: ['s1', 's2'] },
      { id: 'sms', crmKey: 'demo', name: 'SMS Follow-up', status: 'active', segmentIds: [] },
    ]);
    expect(await removeSegmentFromCampaigns(db, 's1')).toBe(1);
    expect((await listCampaigns(db))[0]?.segmentIds).toEqual(['s2']);
  });
});

describe('custom fields, meta and settings', () => {
  it('validates custom field keys', async () => {
    const db = openTestDatabase();
    await expect(putCustomFields(db, [{ key: 'Bad Key', label: 'x', type: 'text' }])).rejects.toThrow(/lower-case/);
    await putCustomFields(db, [
      { key: 'b', label: 'B', type: 'number' },
      { key: 'a', label: 'A', type: 'text' },
    ]);
    expect((await listCustomFields(db)).map((f) => f.key)).toEqual(['a', 'b']);
  });

  it('defaults the evaluation time zone to the runtime’s and stores a valid one', async () => {
    const db = openTestDatabase();
    expect(await getEvaluationTimeZone(db)).toBe(runtimeTimeZone());
    await setEvaluationTimeZone(db, 'Asia/Kolkata');
    expect(await getEvaluationTimeZone(db)).toBe('Asia/Kolkata');
    await expect(setEvaluationTimeZone(db, 'Mars/Olympus')).rejects.toThrow(/time zone/);
    expect(await getEvaluationTimeZone(db)).toBe('Asia/Kolkata');
    await setEvaluationTimeZone(db, null);
    expect(await getEvaluationTimeZone(db)).toBe(runtimeTimeZone());
  });

  it('stores and clears the current-user override', async () => {
    const db = openTestDatabase();
    expect(await getCurrentUserOverride(db)).toBeNull();
    const user = { userId: 'u1', name: 'Ana', role: 'admin' as const, orgId: 'o1' };
    await setCurrentUserOverride(db, user);
    expect(await getCurrentUserOverride(db)).toEqual(user);
    await expect(setCurrentUserOverride(db, { ...user, role: 'root' as 'admin' })).rejects.toThrow(StoreValidationError);
    await setCurrentUserOverride(db, null);
    expect(await getCurrentUserOverride(db)).toBeNull();
  });

  it('falls back when a stored meta value no longer matches its schema', async () => {
    const db = openTestDatabase();
    await setMeta(db, 'k', z.unknown(), 42);
    expect(await getMeta(db, 'k', z.string(), 'fallback')).toBe('fallback');
  });
});

describe('writeTransaction', () => {
  it('rolls back every write when one fails', async () => {
    const db = openTestDatabase();
    await expect(
      writeTransaction(db, ['leads', 'meta', 'memberBlocks'], async () => {
        await putLeads(db, [makeLead('1')]);
        await addMemberships(db, [{ segmentId: 's', leadId: '', addedAt: 1 }]);
      }),
    ).rejects.toThrow(StoreValidationError);
    expect(await countLeads(db)).toBe(0);
  });

  it('locks only the tables it names: a write to another table is refused and nothing commits', async () => {
    const db = openTestDatabase();
    await expect(
      writeTransaction(db, ['leads', 'meta'], async () => {
        await putLeads(db, [makeLead('1')]);
        await addMemberships(db, [{ segmentId: 's', leadId: 'demo/1', addedAt: 1 }]);
      }),
    ).rejects.toThrow(/memberBlocks/);
    expect(await countLeads(db)).toBe(0);
  });
});

describe('kept lead count', () => {
  it('moves with lead writes and deletions, in the same transaction', async () => {
    const db = openTestDatabase();
    const { putLeads: put, deleteLeadRows: remove, storedLeadCount: count } = await import('./index');
    const { makeLead } = await import('../segments/test-support');
    await put(db, [makeLead('1'), makeLead('2')]);
    await put(db, [makeLead('2', { name: 'Again' }), makeLead('3')]);
    expect(await count(db)).toBe(3);
    await remove(db, ['demo/1', 'demo/none']);
    expect(await count(db)).toBe(2);
    expect(await db.leads.count()).toBe(2);
  });
});
