import { describe, expect, it } from 'vitest';
import { getJobOfSegment, listJobs, listSegments, putCustomFields } from '../db';
import type { SegmentFileEntry } from '../schema/segment-file';
import { draftsToImport, importNameProblems, planImport } from './import-plan';
import { createSegment } from './segment-editing';
import { importSegments } from './segment-import';
import { NOW, OWNER, draft, openTestDatabase, statusIs } from './test-support';

const OTHER = { userId: 'u-bo', name: 'Bo Other', orgId: 'org-1' };
const unknownCustom = {
  combinator: 'and' as const,
  rules: [{ field: 'custom.favourite_colour', operator: 'equals', value: 'Teal' }],
};

function entry(name: string, over: Partial<SegmentFileEntry> = {}): SegmentFileEntry {
  return { ...draft(name, statusIs('Hot')), description: '', status: 'active', createdBy: OTHER, ...over } as SegmentFileEntry;
}

describe('importSegments', () => {
  it('creates the segments as mine, with their rules, and queues refreshes for active ones', async () => {
    const db = openTestDatabase();
    const report = await importSegments(db, [draft('Hot', statusIs('Hot')), draft('Cold', statusIs('Cold'), 'inactive')], OWNER, { now: NOW });
    expect(report.withErrors).toBe(0);
    expect(report.created.map((s) => [s.name, s.ownerId, s.ownerName, s.status, s.rules])).toEqual([
      ['Hot', 'u-ana', 'Ana Owner', 'active', statusIs('Hot')],
      ['Cold', 'u-ana', 'Ana Owner', 'inactive', statusIs('Cold')],
    ]);
    expect(await getJobOfSegment(db, report.created[0]!.id)).toMatchObject({ rulesVersion: 1, now: NOW });
    expect(await getJobOfSegment(db, report.created[1]!.id)).toBeUndefined();
  });

  it('imports rules on unknown custom fields with the segment error set, not dropped', async () => {
    const db = openTestDatabase();
    await putCustomFields(db, [{ key: 'total_visits', label: 'Total visits', type: 'number' }]);
    const { created, withErrors } = await importSegments(db, [draft('Colourful', unknownCustom)], OWNER, { now: NOW });
    expect(withErrors).toBe(1);
    expect(created[0]!.rules).toEqual(unknownCustom);
    expect(created[0]!.error).toBe("Rule 1: custom field 'favourite_colour' is not defined");
    expect(await listJobs(db)).toEqual([]);
  });

  it('refuses a name I already use and writes nothing, but never touches another owner’s segment', async () => {
    const db = openTestDatabase();
    const theirs = await createSegment(db, draft('Hot', statusIs('Theirs')), OTHER, { now: NOW });
    await createSegment(db, draft('Mine', statusIs('Mine')), OWNER, { now: NOW });
    await expect(importSegments(db, [draft('New one', statusIs('x')), draft('MINE', statusIs('y'))], OWNER, { now: NOW })).rejects.toMatchObject({
      code: 'duplicate_name',
    });
    expect((await listSegments(db)).map((s) => s.name).sort()).toEqual(['Hot', 'Mine']);

    await importSegments(db, [draft('Hot', statusIs('Imported'))], OWNER, { now: NOW });
    const stored = await listSegments(db);
    expect(stored.find((s) => s.id === theirs.id)).toEqual(theirs);
    expect(stored.filter((s) => s.name === 'Hot').map((s) => s.ownerId).sort()).toEqual(['u-ana', 'u-bo']);
  });

  it('refuses a name used twice in one import', async () => {
    const db = openTestDatabase();
    await expect(importSegments(db, [draft('Twin', statusIs('a')), draft('twin ', statusIs('b'))], OWNER, { now: NOW })).rejects.toMatchObject({
      code: 'duplicate_name',
    });
    expect(await listSegments(db)).toEqual([]);
  });
});

describe('planImport', () => {
  it('imports free names as they are and offers a free new name for clashes, skipped until chosen', () => {
    const plan = planImport([entry('Hot leads'), entry('Fresh'), entry('Hot leads (imported)')], ['hot LEADS', 'Other']);
    expect(plan.map((d) => [d.name, d.skip, d.clashesWith])).toEqual([
      ['Hot leads (imported 2)', true, 'hot LEADS'],
      ['Fresh', false, undefined],
      ['Hot leads (imported)', false, undefined],
    ]);
  });

  it('reports empty, taken and repeated names of what will be imported, and builds the drafts', () => {
    const plan = planImport([entry('A'), entry('B'), entry('C')], ['Mine']);
    plan[0] = { ...plan[0]!, name: '  ' };
    plan[1] = { ...plan[1]!, name: 'mine' };
    expect([...importNameProblems(plan, ['Mine'])]).toEqual([
      [0, 'Enter a name'],
      [1, 'You already have a segment named “mine”'],
    ]);
    plan[0] = { ...plan[0]!, name: 'c' };
    plan[1] = { ...plan[1]!, skip: true };
    expect([...importNameProblems(plan, ['Mine'])]).toEqual([[2, '“C” is used twice in this import']]);
    plan[2] = { ...plan[2]!, skip: true };
    expect(importNameProblems(plan, ['Mine']).size).toBe(0);
    expect(draftsToImport(plan)).toEqual([{ name: 'c', description: '', color: '#3366ff', rules: statusIs('Hot'), status: 'active' }]);
  });
});
