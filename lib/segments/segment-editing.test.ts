import { describe, expect, it } from 'vitest';
import { getJobOfSegment, getSegment, listJobs, memberIds, putCustomFields } from '../db';
import { SegmentOperationError } from './errors';
import { ingestLeads } from './ingest';
import { createSegment, duplicateSegment, segmentNameKey, updateSegment } from './segment-editing';
import { NOW, OWNER, TIME_ZONE, draft, makeLead, openTestDatabase, statusIs, runPendingJobs } from './test-support';

const run = { timeZone: TIME_ZONE, clock: () => NOW };
const OTHER = { userId: 'u-bo', name: 'Bo Other', orgId: 'org-1' };

async function rejection(promise: Promise<unknown>): Promise<SegmentOperationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SegmentOperationError) return error;
    throw error;
  }
  throw new Error('expected the operation to be refused');
}

describe('createSegment', () => {
  it('stores a trimmed, owned segment at version 1 with no members and queues its refresh', async () => {
    const db = openTestDatabase();
    const segment = await createSegment(db, draft('  Hot leads ', statusIs('Hot')), OWNER, { now: NOW });
    expect(segment).toMatchObject({
      name: 'Hot leads',
      description: '',
      status: 'active',
      ownerId: 'u-ana',
      ownerName: 'Ana Owner',
      orgId: 'org-1',
      createdAt: NOW,
      updatedAt: NOW,
      rulesVersion: 1,
      memberCount: 0,
    });
    expect(segment.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getSegment(db, segment.id)).toEqual(segment);
    expect(await getJobOfSegment(db, segment.id)).toMatchObject({ segmentId: segment.id, now: NOW, processed: 0 });
  });

  it('queues nothing for an inactive segment', async () => {
    const db = openTestDatabase();
    await createSegment(db, draft('Later', statusIs('Hot'), 'inactive'), OWNER, { now: NOW });
    expect(await listJobs(db)).toEqual([]);
  });

  it('refuses a name the owner already uses, ignoring case and spacing, but not another owner’s', async () => {
    const db = openTestDatabase();
    await createSegment(db, draft('Hot leads', statusIs('Hot')), OWNER, { now: NOW });
    const error = await rejection(createSegment(db, draft('HOT  Leads', statusIs('x')), OWNER, { now: NOW }));
    expect(error.code).toBe('duplicate_name');
    expect(error.message).toBe('You already have a segment named "Hot leads". Choose another name.');
    await expect(createSegment(db, draft('Hot leads', statusIs('x')), OTHER, { now: NOW })).resolves.toMatchObject({ ownerId: 'u-bo' });
  });

  it('refuses invalid drafts with a message naming the problem', async () => {
    const db = openTestDatabase();
    expect((await rejection(createSegment(db, draft('   ', statusIs('x')), OWNER, { now: NOW }))).message).toMatch(/name is required/);
    const badColor = { ...draft('A', statusIs('x')), color: 'red' };
    expect((await rejection(createSegment(db, badColor, OWNER, { now: NOW }))).message).toMatch(/#rrggbb/);
    const empty = draft('A', { combinator: 'and', rules: [] });
    expect((await rejection(createSegment(db, empty, OWNER, { now: NOW }))).message).toMatch(/at least one rule/);
    const custom = draft('A', { combinator: 'and', rules: [{ field: 'custom.score', operator: 'gt', value: 1 }] });
    const error = await rejection(createSegment(db, custom, OWNER, { now: NOW }));
    expect(error).toMatchObject({ code: 'invalid', message: "Rule 1: custom field 'score' is not defined" });
    await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
    await expect(createSegment(db, custom, OWNER, { now: NOW })).resolves.toMatchObject({ name: 'A' });
  });

  it('refuses to create without a known user', async () => {
    const db = openTestDatabase();
    const error = await rejection(createSegment(db, draft('A', statusIs('x')), { userId: ' ', name: '', orgId: '' }, { now: NOW }));
    expect(error.code).toBe('invalid');
  });
});

describe('updateSegment', () => {
  it('bumps rulesVersion and refreshes on a rules change', async () => {
    const db = openTestDatabase();
    await ingestLeads(db, [makeLead('1', { status: 'Hot' }), makeLead('2', { status: 'Cold' })], { now: NOW, timeZone: TIME_ZONE });
    const segment = await createSegment(db, draft('S', statusIs('Hot')), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    const later = NOW + 1000;
    const updated = await updateSegment(db, segment.id, { rules: statusIs('Cold') }, { now: later, actorId: 'u-ana' });
    expect(updated).toMatchObject({ rulesVersion: 2, updatedAt: later });
    expect(await getJobOfSegment(db, segment.id)).toMatchObject({ rulesVersion: 2, now: later });
    await runPendingJobs(db, run);
    expect(await memberIds(db, segment.id)).toEqual(['demo/2']);
  });

  it('changes name, description or colour without touching rules or members', async () => {
    const db = openTestDatabase();
    const segment = await createSegment(db, draft('S', statusIs('Hot')), OWNER, { now: NOW });
    await runPendingJobs(db, run);
    const updated = await updateSegment(
      db,
      segment.id,
      { name: ' Renamed ', description: 'New words', color: '#00aa00', rules: statusIs('Hot') },
      { now: NOW + 1 },
    );
    expect(updated).toMatchObject({ name: 'Renamed', description: 'New words', color: '#00aa00', rulesVersion: 1 });
    expect(await listJobs(db)).toEqual([]);
  });

  it('does not restart refresh when rules change on an inactive segment, but bumps the version', async () => {
    const db = openTestDatabase();
    const segment = await createSegment(db, draft('S', statusIs('Hot'), 'inactive'), OWNER, { now: NOW });
    const updated = await updateSegment(db, segment.id, { rules: statusIs('Cold') }, { now: NOW });
    expect(updated.rulesVersion).toBe(2);
    expect(await listJobs(db)).toEqual([]);
  });

  it('checks uniqueness, ownership and existence', async () => {
    const db = openTestDatabase();
    await createSegment(db, draft('Taken', statusIs('Hot')), OWNER, { now: NOW });
    const segment = await createSegment(db, draft('Mine', statusIs('Hot')), OWNER, { now: NOW });
    expect((await rejection(updateSegment(db, segment.id, { name: 'taken' }, { now: NOW }))).code).toBe('duplicate_name');
    await expect(updateSegment(db, segment.id, { name: 'MINE' }, { now: NOW })).resolves.toMatchObject({ name: 'MINE' });
    const forbidden = await rejection(updateSegment(db, segment.id, { name: 'x' }, { now: NOW, actorId: 'u-bo' }));
    expect(forbidden).toMatchObject({ code: 'forbidden', message: 'Only Ana Owner can change this segment.' });
    expect((await rejection(updateSegment(db, 'nope', { name: 'x' }, { now: NOW }))).code).toBe('not_found');
    expect((await rejection(updateSegment(db, segment.id, { color: 'blue' }, { now: NOW }))).code).toBe('invalid');
  });
});

describe('duplicateSegment', () => {
  it('makes an active "Copy of …" with a unique name for the new owner', async () => {
    const db = openTestDatabase();
    const original = await createSegment(db, { ...draft('Hot', statusIs('Hot'), 'inactive'), description: 'd', color: '#123456' }, OWNER, {
      now: NOW,
    });
    const first = await duplicateSegment(db, original.id, OWNER, { now: NOW });
    const second = await duplicateSegment(db, original.id, OWNER, { now: NOW });
    const forOther = await duplicateSegment(db, original.id, OTHER, { now: NOW });
    expect(first).toMatchObject({ name: 'Copy of Hot', status: 'active', description: 'd', color: '#123456', rules: original.rules });
    expect(second.name).toBe('Copy of Hot (2)');
    expect(forOther).toMatchObject({ name: 'Copy of Hot', ownerId: 'u-bo' });
    expect(await getJobOfSegment(db, first.id)).toBeDefined();
  });

  it('keeps long copy names within 80 characters', async () => {
    const db = openTestDatabase();
    const long = 'L'.repeat(80);
    const original = await createSegment(db, draft(long, statusIs('Hot')), OWNER, { now: NOW });
    const a = await duplicateSegment(db, original.id, OWNER, { now: NOW });
    const b = await duplicateSegment(db, original.id, OWNER, { now: NOW });
    expect(a.name).toHaveLength(80);
    expect(b.name).toHaveLength(80);
    expect(b.name.endsWith(' (2)')).toBe(true);
  });
});

describe('segmentNameKey', () => {
  it('folds case, width and spacing', () => {
    expect(segmentNameKey('  Ｈot   Leads ')).toBe('hot leads');
  });
});
