import Dexie, { type EntityTable, type Table } from 'dexie';
import type { MemberBlock, MemberBlockKey } from './member-blocks';
import type { LeadSnapshotRow } from './lead-snapshot';
import { packMemberships } from './pack-memberships';
import { configStampMiddleware } from './config-stamp';
import { DB_NAME } from './db-name';
import type {
  Campaign,
  CustomFieldDef,
  Lead,
  RefreshJob,
  Segment,
  SegmentHistory,
} from '../schema';

/** A small key/value row for extension state (sync status, settings). */
export interface MetaRow {
  key: string;
  value: unknown;
}

export { DB_NAME } from './db-name';

/**
 * The extension's IndexedDB database (docs/semantics.md §2, §5). Only the repository functions in `lib/db/`
 * touch these tables, and only the background writes.
 *
 * Indexes exist only for real queries:
 * - `leads.crmKey`: deleting the leads a complete "Sync all" no longer returns;
 * - `memberBlocks.[segmentId+start]` (primary key, version 2): a segment's members as packed,
 *   sorted lead-id blocks (`member-blocks.ts`; read and written only through `memberships.ts`);
 * - `leadSnapshot.part` (version 3): the background's packed lead copy (`lead-snapshot.ts`).
 *
 * Upgrades: add a new `this.version(n)` block below the last one (never edit an old one) and a
 * case to `db/migrations.test.ts`.
 */
export class CrmSegmentsDB extends Dexie {
  leads!: EntityTable<Lead, 'id'>;
  segments!: EntityTable<Segment, 'id'>;
  memberBlocks!: Table<MemberBlock, MemberBlockKey>;
  campaigns!: EntityTable<Campaign, 'id'>;
  customFields!: EntityTable<CustomFieldDef, 'key'>;
  segmentHistory!: Table<SegmentHistory, [string, string]>;
  jobs!: EntityTable<RefreshJob, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  leadSnapshot!: Table<LeadSnapshotRow, number>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      leads: 'id, crmKey',
      segments: 'id',
      memberships: '[segmentId+leadId], leadId',
      campaigns: 'id',
      customFields: 'key',
      segmentHistory: '[segmentId+day]',
      jobs: 'id',
      meta: 'key',
    });
    // Packed memberships (issue 10 item 1): one row per block of up to 1,024 members.
    this.version(2)
      .stores({ memberships: null, memberBlocks: '[segmentId+start]' })
      .upgrade((tx) => packMemberships(tx));
    // The lead copy's snapshot (issue 10): starts empty, written by the background.
    this.version(3).stores({ leadSnapshot: 'part' });
    // Every write of segments, custom fields or jobs also writes a new configuration stamp.
    this.use(configStampMiddleware);
  }
}

/** Opens (lazily, on first use) the database; pass a name to isolate tests. */
export function openDatabase(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): CrmSegmentsDB {
  return new CrmSegmentsDB(name, options);
}
