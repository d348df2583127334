import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Campaign,
  CustomFieldDef,
  Lead,
  Membership,
  RefreshJob,
  Segment,
  SegmentHistory,
} from '../schema';

/** A small key/value row for extension state (sync status, settings). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** Name of the IndexedDB database. */
export const DB_NAME = 'crm-segments';

/**
 * The extension's IndexedDB database (SPEC §2, §5). Only the repository functions in `lib/db/`
 * touch these tables, and only the background writes.
 *
 * Indexes exist only for real queries:
 * - `leads.crmKey`: deleting the leads a complete "Sync all" no longer returns;
 * - `memberships.leadId`: a lead's segments (badges, explanations, ingest diffs);
 * - `memberships.[segmentId+leadId]` (primary key): a segment's members in key order.
 *
 * Upgrades: add a new `this.version(n)` block below the last one (never edit an old one) and a
 * case to `db/migrations.test.ts`.
 */
export class CrmSegmentsDB extends Dexie {
  leads!: EntityTable<Lead, 'id'>;
  segments!: EntityTable<Segment, 'id'>;
  memberships!: Table<Membership, [string, string]>;
  campaigns!: EntityTable<Campaign, 'id'>;
  customFields!: EntityTable<CustomFieldDef, 'key'>;
  segmentHistory!: Table<SegmentHistory, [string, string]>;
  jobs!: EntityTable<RefreshJob, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

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
  }
}

/** Opens (lazily, on first use) the database; pass a name to isolate tests. */
export function openDatabase(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): CrmSegmentsDB {
  return new CrmSegmentsDB(name, options);
}
