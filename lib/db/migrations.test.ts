/**
 * Migration harness (issue 2 item 5): for every old schema version, open the database with THAT
 * version's store declarations (copied here, never imported, because database.ts moves on), fill
 * every table, close, open the current CrmSegmentsDB and assert nothing was lost.
 *
 * Adding version N+1: copy the current `stores` of database.ts into a `V<N>_STORES` constant here,
 * add a case `{ from: N, stores: V<N>_STORES, seed, expect }` whose `expect` describes the upgraded
 * rows, and keep the older cases (they must still upgrade in one go).
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CrmSegmentsDB } from './database';
import { ALL_TABLES } from './transaction';
import { countMemberships, membershipsOfLeads, membershipsOfSegment } from './memberships';
import { openTestDatabase } from '../segments/test-support';

type Rows = Record<string, unknown[]>;

/** The schema version database.ts declares last: bump it with a new `this.version(n)` and its case below. */
const LATEST_VERSION = 3;

interface MigrationCase {
  /** The old schema version the data is written with. */
  from: number;
  /** That version's store declarations, frozen. */
  stores: Record<string, string>;
  /** Rows per table as written by that version. */
  seed: Rows;
  /** Rows per table expected after the upgrade (same as `seed` when nothing changes shape). */
  expected: Rows;
}

/** Version 1 (the first release) exactly as shipped. */
const V1_STORES = {
  leads: 'id, crmKey',
  segments: 'id',
  memberships: '[segmentId+leadId], leadId',
  campaigns: 'id',
  customFields: 'key',
  segmentHistory: '[segmentId+day]',
  jobs: 'id',
  meta: 'key',
};

const V1_ROWS: Rows = {
  leads: [
    {
      id: 'demo/1',
      crmKey: 'demo',
      crmId: '1',
      name: 'Asha Rao',
      email: 'asha.rao.1@example.com',
      source: 'Google',
      status: 'New',
      tags: ['ebook'],
      lastContactAt: 1_700_000_000_000,
      campaigns: [{ campaignId: 'email', state: 'participating', response: 'opened', respondedAt: 1_700_000_100_000 }],
      custom: { total_visits: 5, city: null, do_not_call: false, interests: ['a', 'b'] },
      syncedAt: 1_700_000_200_000,
    },
    { id: 'acme/9', crmKey: 'acme', crmId: '9', name: '', tags: [], campaigns: [], custom: {}, syncedAt: 1 },
  ],
  segments: [
    {
      id: 'seg-1',
      name: 'Hot leads',
      description: 'From Google',
      color: '#ff6600',
      rules: { combinator: 'and', rules: [{ field: 'source', operator: 'equals', value: 'Google' }] },
      status: 'active',
      ownerId: 'u1',
      ownerName: 'Ana',
      orgId: 'o1',
      createdAt: 1,
      updatedAt: 2,
      rulesVersion: 3,
      memberCount: 1,
      lastRefreshedAt: 3,
    },
  ],
  memberships: [{ segmentId: 'seg-1', leadId: 'demo/1', addedAt: 5 }],
  campaigns: [{ id: 'email', crmKey: 'demo', name: 'Course Launch Email', status: 'active', segmentIds: ['seg-1'] }],
  customFields: [{ key: 'city', label: 'City', type: 'select', options: ['Mumbai'] }],
  segmentHistory: [{ segmentId: 'seg-1', day: '2024-06-15', count: 1, added: 1, removed: 0 }],
  jobs: [
    {
      id: 'refresh:seg-1',
      kind: 'refresh',
      segmentId: 'seg-1',
      rulesVersion: 3,
      cursor: 'demo/0',
      processed: 1,
      total: 2,
      startedAt: 4,
      updatedAt: 4,
      now: 4,
    },
  ],
  meta: [{ key: 'settings.timeZone', value: 'Asia/Kolkata' }],
};

/** Version 2 packs memberships into sorted id blocks (`memberBlocks`); every other table is unchanged. */
const { memberships: _packed, ...V1_UNCHANGED } = V1_ROWS;
const V2_ROWS: Rows = {
  ...V1_UNCHANGED,
  memberBlocks: [{ segmentId: 'seg-1', start: 'demo/1', ids: ['demo/1'], added: [5] }],
};

/** Version 2 exactly as shipped (packed memberships). */
const V2_STORES = {
  leads: 'id, crmKey',
  segments: 'id',
  memberBlocks: '[segmentId+start]',
  campaigns: 'id',
  customFields: 'key',
  segmentHistory: '[segmentId+day]',
  jobs: 'id',
  meta: 'key',
};

/** Version 3 adds the lead copy's snapshot (`leadSnapshot`), empty until the background writes one; every other table is unchanged. */
const V3_ROWS: Rows = { ...V2_ROWS, leadSnapshot: [] };

const CASES: MigrationCase[] = [
  { from: 1, stores: V1_STORES, seed: V1_ROWS, expected: V3_ROWS },
  { from: 2, stores: V2_STORES, seed: V2_ROWS, expected: V3_ROWS },
];

/** Rows in a canonical order (by their JSON), so the comparison ignores key order of tables. */
function canonical(rows: readonly unknown[] = []): unknown[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** Every table's rows. */
async function dumpTables(db: Dexie): Promise<Rows> {
  const dump: Rows = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

describe('database migrations', () => {
  for (const migration of CASES) {
    it(`upgrades version ${migration.from} data to the current version without losing any row`, async () => {
      const name = openTestDatabase('migration').name;
      const old = new Dexie(name);
      old.version(migration.from).stores(migration.stores);
      await old.open();
      for (const [table, rows] of Object.entries(migration.seed)) await old.table(table).bulkAdd(rows);
      old.close();

      const current = new CrmSegmentsDB(name);
      await current.open();
      expect(current.verno).toBe(LATEST_VERSION);
      const dump = await dumpTables(current);
      for (const [table, rows] of Object.entries(migration.expected)) {
        expect(canonical(dump[table]), `table ${table}`).toEqual(canonical(rows));
      }
      // Indexes still answer the queries they exist for.
      expect(await current.leads.where('crmKey').equals('acme').primaryKeys()).toEqual(['acme/9']);
      expect(await membershipsOfLeads(current, ['demo/1'])).toEqual([{ segmentId: 'seg-1', leadId: 'demo/1', addedAt: 5 }]);
      current.close();
    });
  }

  it('packs every version 1 membership of many segments into blocks, keeping each member and addedAt', async () => {
    const name = openTestDatabase('migration-packing').name;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    // 3 segments: 2,600 members (several blocks), 1 member, and every other of 700 ids (unsorted insertion).
    const ids = Array.from({ length: 2600 }, (_, i) => `demo/${(i * 7919) % 2600}`);
    const seeded = [
      ...ids.map((leadId, i) => ({ segmentId: 'big', leadId, addedAt: 1000 + i })),
      { segmentId: 'one', leadId: 'acme/9', addedAt: 7 },
      ...ids.slice(0, 700).filter((_, i) => i % 2 === 0).map((leadId) => ({ segmentId: 'half', leadId, addedAt: 3 })),
    ];
    await old.table('memberships').bulkAdd(seeded);
    old.close();

    const current = new CrmSegmentsDB(name);
    await current.open();
    const bySegment = (segmentId: string) =>
      seeded
        .filter((m) => m.segmentId === segmentId)
        .sort((a, b) => (a.leadId < b.leadId ? -1 : 1));
    for (const segmentId of ['big', 'one', 'half']) {
      const expected = bySegment(segmentId);
      expect(await membershipsOfSegment(current, segmentId), segmentId).toEqual(expected);
      expect(await countMemberships(current, segmentId)).toBe(expected.length);
    }
    expect(await membershipsOfLeads(current, ['acme/9', ids[0] as string, 'demo/none'])).toEqual(
      [...seeded.filter((m) => m.leadId === 'acme/9' || m.leadId === ids[0])].sort((a, b) =>
        a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : a.segmentId < b.segmentId ? -1 : 1,
      ),
    );
    expect(current.tables.map((t) => t.name)).not.toContain('memberships');
    current.close();
  });

  it('declares no table the harness does not seed (a new table needs a case)', () => {
    const db = new CrmSegmentsDB('probe-only-never-opened');
    const latest = CASES[CASES.length - 1] as MigrationCase;
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(latest.expected).sort());
    // Whole-database transactions (backup, restore, delete all) name every table.
    expect([...ALL_TABLES].sort()).toEqual(db.tables.map((t) => t.name).sort());
  });
});
