import { describe, expect, it } from 'vitest';
import { createSegment, ingestLeads } from '../segments';
import { makeLead, NOW, openTestDatabase, OWNER, TIME_ZONE } from '../segments/test-support';
import { clearAllTables, exportBackup, parseBackup, restoreParsedBackup, type Backup } from './backup';
import { decodeStored, encodeStored } from './backup-codec';
import type { CrmSegmentsDB } from './database';
import { putCustomFields } from './custom-fields';
import { CONFIG_STAMP_KEY, withoutStamp } from './config-stamp';
import { setMeta } from './meta';
import { z } from '../schema';

/** Every table's rows, sorted by their JSON (for row-by-row comparison), without the configuration stamp (never backed up). */
async function snapshot(db: CrmSegmentsDB): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of db.tables) out[table.name] = withoutStamp(table.name, await table.toArray()).map((r) => JSON.stringify(r)).sort();
  return out;
}

async function seeded(): Promise<CrmSegmentsDB> {
  const db = openTestDatabase('backup');
  await putCustomFields(db, [{ key: 'score', label: 'Score', type: 'number' }]);
  await createSegment(db, { name: 'Hot', color: '#ff0000', rules: { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'Hot' }] } }, OWNER, { now: NOW });
  // Ingested after the segment exists, so its membership is stored (one packed member block).
  await ingestLeads(db, [makeLead('1', { status: 'Hot', custom: { score: 5 } }), makeLead('2', { status: 'Cold' })], { now: NOW, timeZone: TIME_ZONE });
  await setMeta(db, 'settings.example', z.unknown(), { nested: [1, 2] });
  return db;
}

describe('backup', () => {
  it('export → delete all → restore gives identical tables, row by row', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const stampBefore = (await db.meta.get(CONFIG_STAMP_KEY))?.value;
    expect(stampBefore).toMatch(/^[0-9a-f]{32}$/);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW))) as Backup;
    expect(backup).toMatchObject({ format: 'crm-segments-backup', version: 1, dbVersion: db.verno, exportedAt: NOW });
    // The configuration stamp is never backed up (a restore must not bring an old one back).
    expect(JSON.stringify(backup.tables.meta)).not.toContain(CONFIG_STAMP_KEY);
    expect(Object.keys(backup.tables).sort()).toEqual(db.tables.map((t) => t.name).sort());

    await clearAllTables(db);
    expect(Object.values(await snapshot(db)).every((rows) => rows.length === 0)).toBe(true);

    const parsed = parseBackup(db, backup);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.summary.counts.leads).toBe(2);
    // One member block holding the one member of "Hot": counted as a membership, as people count them.
    expect(parsed.summary).toMatchObject({ counts: { memberBlocks: 1 }, memberships: 1 });
    // A backup that holds an old stamp (hand-made, or from a build that kept it) does not restore it.
    await restoreParsedBackup(db, { ...parsed, tables: { ...parsed.tables, meta: [...(parsed.tables.meta ?? []), { key: CONFIG_STAMP_KEY, value: stampBefore }] } });
    expect(await snapshot(db)).toEqual(before);
    expect((await db.meta.get(CONFIG_STAMP_KEY))?.value).not.toBe(stampBefore);
  });

  it('refuses backups that are not ours, of another database version, or with an invalid row — changing nothing', async () => {
    const db = await seeded();
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW))) as Backup;
    expect(parseBackup(db, { hello: 1 })).toEqual({ error: 'This file is not a CRM Segments backup (made with "Export backup").' });
    expect(parseBackup(db, { ...backup, version: 99, exportedAt: 'yesterday' })).toEqual({
      error: 'This backup was made by a newer version of CRM Segments (format 99); this version reads format 1.',
    });
    expect(parseBackup(db, { ...backup, exportedAt: 'yesterday' })).toEqual({
      error: 'This is not a CRM Segments backup this version can read: in the file\'s header, "exportedAt" should be a number, not text.',
    });
    expect(parseBackup(db, { ...backup, dbVersion: db.verno + 1 })).toEqual({ error: expect.stringMatching(/database version/) });
    const { jobs: _jobs, ...missingTable } = backup.tables;
    expect(parseBackup(db, { ...backup, tables: missingTable })).toEqual({ error: expect.stringMatching(/missing: jobs/) });
    const badLead = { ...backup, tables: { ...backup.tables, leads: [{ ...(backup.tables.leads?.[0] as object), id: 'other/1' }] } };
    expect(parseBackup(db, badLead)).toEqual({ error: expect.stringMatching(/^Lead 1 \(id "other\/1"\) in the backup is not valid: "id": /) });
    const lead = backup.tables.leads?.[0] as Record<string, unknown>;
    const typedWrong = { ...backup, tables: { ...backup.tables, leads: [{ ...lead, name: 5, tags: ['ok', 7] }] } };
    expect(parseBackup(db, typedWrong)).toEqual({
      error: `Lead 1 (id "${String(lead.id)}") in the backup is not valid: "name" should be text, not a number; "tags" item 2 should be text, not a number.`,
    });
    const keyless = { ...backup, tables: { ...backup.tables, memberBlocks: [{ ids: ['demo/1'] }] } };
    expect(parseBackup(db, keyless)).toEqual({ error: expect.stringMatching(/^Block of memberships 1 in the backup is not valid: it has no key/) });
  });

  it('restores a backup of database version 2 (before the lead copy snapshot table), and refuses version 1', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW))) as Backup;
    const { leadSnapshot: _cache, ...version2Tables } = backup.tables;
    expect(_cache).toEqual([]);
    const parsed = parseBackup(db, { ...backup, dbVersion: 2, tables: version2Tables });
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.summary.dbVersion).toBe(2);
    expect(Object.keys(parsed.summary.counts).sort()).toEqual(['campaigns', 'customFields', 'jobs', 'leads', 'memberBlocks', 'meta', 'segmentHistory', 'segments']);
    await clearAllTables(db);
    await restoreParsedBackup(db, parsed);
    expect(await snapshot(db)).toEqual(before);
    expect(parseBackup(db, { ...backup, dbVersion: 1, tables: version2Tables })).toEqual({
      error: `This backup was made with database version 1; this version of the extension uses ${db.verno}.`,
    });
  });

  it('refuses a backup listing a primary key twice (lead, compound key, setting) before anything is stored', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW))) as Backup;
    const leads = backup.tables.leads ?? [];
    const twiceLead = { ...backup, tables: { ...backup.tables, leads: [...leads, { ...(leads[0] as object), name: 'Copy' }] } };
    expect(parseBackup(db, twiceLead)).toEqual({ error: `This backup lists lead "${String((leads[0] as { id: string }).id)}" twice: it is damaged and was not restored.` });
    const block = backup.tables.memberBlocks?.[0] as { segmentId: string; start: string };
    const twiceBlock = { ...backup, tables: { ...backup.tables, memberBlocks: [block, block] } };
    expect(parseBackup(db, twiceBlock)).toEqual({
      error: `This backup lists block of memberships "${block.segmentId}, ${block.start}" twice: it is damaged and was not restored.`,
    });
    const twiceSetting = { ...backup, tables: { ...backup.tables, meta: [{ key: 'a', value: 1 }, { key: 'a', value: 2 }] } };
    expect(parseBackup(db, twiceSetting)).toEqual({ error: 'This backup lists setting "a" twice: it is damaged and was not restored.' });
    // Same text, different key type: IndexedDB keeps 1 and "1" apart, so this is not a duplicate.
    const distinct = { ...backup, tables: { ...backup.tables, jobs: [{ id: 1 }, { id: '1' }] } };
    expect(parseBackup(db, distinct)).not.toHaveProperty('error');
    expect(await snapshot(db)).toEqual(before);
  });

  it('carries typed arrays and dates through JSON', () => {
    const value = { block: new Uint32Array([1, 2, 4_000_000_000]), raw: new Uint8Array([0, 255]).buffer, at: new Date(NOW), list: ['a'] };
    const back = decodeStored(JSON.parse(JSON.stringify(encodeStored(value)))) as typeof value;
    expect([...back.block]).toEqual([1, 2, 4_000_000_000]);
    expect(back.block).toBeInstanceOf(Uint32Array);
    expect([...new Uint8Array(back.raw)]).toEqual([0, 255]);
    expect(back.at.getTime()).toBe(NOW);
    expect(back.list).toEqual(['a']);
    expect(() => decodeStored({ $binary: 'Evil', base64: '' })).toThrow(/unknown binary kind/);
  });
});
