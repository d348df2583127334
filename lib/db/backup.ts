import type { Table } from 'dexie';
import {
  CampaignSchema,
  CustomFieldDefSchema,
  EpochMs,
  LeadSchema,
  SegmentHistorySchema,
  SegmentSchema,
  lazySchema,
  z,
} from '../schema';
import { describeDuplicateKey, describeRow, describeZodProblems } from './backup-problems';
import { decodeStored, encodeStored } from './backup-codec';
import { announceLeadWrite } from './lead-writes';
import { LEAD_SNAPSHOT_TABLE } from './lead-snapshot';
import { withoutStamp } from './config-stamp';
import { readDeviceSyncState, withDeviceSyncState } from './restore-sync-state';
import type { CrmSegmentsDB } from './database';
import { ALL_TABLES, readTransaction, writeTransaction } from './transaction';

/** `format` of a backup file. */
export const BACKUP_FORMAT = 'crm-segments-backup';
/** Version of the backup file layout (not of the database; that is `dbVersion`). */
export const BACKUP_VERSION = 1;

/**
 * A backup (JSON): every table of the database at `dbVersion` (Dexie's `verno`), rows as stored
 * (JSON-encoded by backup-codec). Tables whose primary key is not inside the row store
 * `[key, row]` pairs.
 */
export const BackupSchema = lazySchema(() => z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  dbVersion: z.number().int().positive(),
  exportedAt: EpochMs,
  tables: z.record(z.string(), z.array(z.unknown())),
}));
export type Backup = z.infer<typeof BackupSchema>;

/** What a backup holds, for the restore preview and the restore answer. */
export interface BackupSummary {
  dbVersion: number;
  exportedAt: number;
  /** Table name → number of rows. */
  counts: Record<string, number>;
  /** Segment memberships held (the members of every packed `memberBlocks` row): what people count, not blocks. */
  memberships: number;
}

/** Rows per table and the memberships they hold, for a backup's tables (encoded or decoded: member ids are plain lists). */
export function countBackupRows(tables: Readonly<Record<string, readonly unknown[]>>): Pick<BackupSummary, 'counts' | 'memberships'> {
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
  let memberships = 0;
  for (const block of tables.memberBlocks ?? []) {
    const ids = (block as { ids?: unknown } | null)?.ids;
    if (Array.isArray(ids)) memberships += ids.length;
  }
  return { counts, memberships };
}

/**
 * The oldest database version whose backups restore here: version 3 only added the lead copy's
 * snapshot, a cache (lib/db/lead-snapshot.ts), so a version-2 backup holds every table that matters.
 * Raise it when a version changes a table a backup holds.
 */
export const OLDEST_RESTORABLE_DB_VERSION = 2;
/** Tables that only cache what other tables hold: absent from a backup is fine, never restored. */
const CACHE_TABLES: ReadonlySet<string> = new Set([LEAD_SNAPSHOT_TABLE]);

/** A backup that passed {@link parseBackup}: decoded rows per table of this database. */
export interface ParsedBackup {
  summary: BackupSummary;
  tables: Record<string, unknown[]>;
}

/**
 * Row schemas of the tables whose layout is part of the data model (docs/semantics.md §2). Other tables are
 * checked generically (an object carrying its primary key). Rows are only checked, never
 * rewritten, so a restore stores exactly what was exported.
 */
const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  leads: LeadSchema,
  segments: SegmentSchema,
  customFields: CustomFieldDefSchema,
  campaigns: CampaignSchema,
  segmentHistory: SegmentHistorySchema,
  meta: lazySchema(() => z.object({ key: z.string().min(1), value: z.unknown() })),
  // Packed members (lib/db/member-blocks.ts): a malformed block would break every member lookup.
  memberBlocks: lazySchema(() => z
    .object({ segmentId: z.string().min(1), start: z.string(), ids: z.array(z.string().min(1)).min(1), added: z.array(z.number().finite()) })
    .refine((b) => b.ids.length === b.added.length, 'ids and added must have the same length')
    .refine((b) => b.ids[0] === b.start, 'a block starts with its first id')
    .refine((b) => b.ids.every((id, i) => i === 0 || b.ids[i - 1]! < id), 'ids must be strictly increasing')),
};

const keyPathOf = (table: Table): string | string[] | null => (table.schema.primKey.keyPath as string | string[] | undefined) ?? null;

/** Reads every table in one read transaction (a consistent snapshot) into a backup object (the lead copy's snapshot table left empty). */
export function exportBackup(db: CrmSegmentsDB, now: number): Promise<Backup> {
  return readTransaction(db, async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of db.tables) {
      if (table.name === LEAD_SNAPSHOT_TABLE) {
        tables[table.name] = []; // the lead copy's snapshot is rebuilt from the leads: never exported
        continue;
      }
      const rows = withoutStamp(table.name, await table.toArray());
      if (keyPathOf(table) !== null) {
        tables[table.name] = rows.map(encodeStored);
      } else {
        const keys = await table.toCollection().primaryKeys();
        tables[table.name] = rows.map((row, i) => [encodeStored(keys[i]), encodeStored(row)]);
      }
    }
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, dbVersion: db.verno, exportedAt: now, tables };
  });
}

const isKey = (value: unknown): boolean => typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)) || Array.isArray(value);

/** The problem with one row of `table`, or null. */
function rowProblem(table: Table, row: unknown): string | null {
  const keyPath = keyPathOf(table);
  if (keyPath === null) return Array.isArray(row) && row.length === 2 && isKey(row[0]) ? null : 'it should be a [key, row] pair';
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'it should be a group of fields';
  for (const path of Array.isArray(keyPath) ? keyPath : [keyPath]) {
    if (!Object.prototype.hasOwnProperty.call(row, path) || !isKey((row as Record<string, unknown>)[path])) return `it has no key "${path}"`;
  }
  const schema = Object.prototype.hasOwnProperty.call(ROW_SCHEMAS, table.name) ? ROW_SCHEMAS[table.name] : undefined;
  const parsed = schema?.safeParse(row);
  return parsed && !parsed.success ? describeZodProblems(parsed.error) : null;
}

/** A row's primary key (a validated row: in-row key path, or the first of a `[key, row]` pair) as a comparable string. */
function primaryKeyOf(keyPath: string | string[] | null, row: unknown): { key: unknown; text: string } {
  const field = (path: string) => (row as Record<string, unknown>)[path];
  const key = keyPath === null ? (row as unknown[])[0] : Array.isArray(keyPath) ? keyPath.map(field) : field(keyPath);
  return { key, text: JSON.stringify(key) };
}

/** The header's problem in plain words: a newer format is named as such. */
function headerProblem(raw: unknown, error: z.ZodError): string {
  const { format, version } = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) return 'This file is not a CRM Segments backup (made with "Export backup").';
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return `This backup was made by a newer version of CRM Segments (format ${version}); this version reads format ${BACKUP_VERSION}.`;
  }
  return `This is not a CRM Segments backup this version can read: in the file's header, ${describeZodProblems(error)}.`;
}

/**
 * Validates a backup (already JSON-parsed) against this database: format, a database version
 * from {@link OLDEST_RESTORABLE_DB_VERSION} to this one, exactly this database's tables, and every row (data-model schemas; primary keys, each
 * present and listed once — a repeated key would make the restore's bulkAdd fail).
 * Returns the decoded tables, or `{ error }` in plain words naming the first problem.
 */
export function parseBackup(db: CrmSegmentsDB, raw: unknown): ParsedBackup | { error: string } {
  const envelope = BackupSchema.safeParse(raw);
  if (!envelope.success) return { error: headerProblem(raw, envelope.error) };
  const backup = envelope.data;
  if (backup.dbVersion < OLDEST_RESTORABLE_DB_VERSION || backup.dbVersion > db.verno) {
    return { error: `This backup was made with database version ${backup.dbVersion}; this version of the extension uses ${db.verno}.` };
  }
  const names = db.tables.map((t) => t.name);
  const has = (name: string) => Object.prototype.hasOwnProperty.call(backup.tables, name);
  // A cache table (the lead copy's snapshot, added in version 3) may be absent: it is never restored.
  const missing = names.filter((n) => !has(n) && !CACHE_TABLES.has(n));
  const extra = Object.keys(backup.tables).filter((n) => !names.includes(n));
  if (missing.length > 0 || extra.length > 0) {
    return { error: `The backup's tables do not match this database (missing: ${missing.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'}).` };
  }
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows: unknown[] = [];
    const keys = new Set<string>();
    for (const [i, encoded] of (has(table.name) ? (backup.tables[table.name] as unknown[]) : []).entries()) {
      let row: unknown;
      try {
        row = decodeStored(encoded);
      } catch (error) {
        return { error: `${describeRow(table.name, i, encoded)} in the backup cannot be read: ${error instanceof Error ? error.message : String(error)}.` };
      }
      const problem = rowProblem(table, row);
      if (problem) return { error: `${describeRow(table.name, i, row)} in the backup is not valid: ${problem}.` };
      const { key, text } = primaryKeyOf(keyPathOf(table), row);
      if (keys.has(text)) return { error: `This backup lists ${describeDuplicateKey(table.name, key)} twice: it is damaged and was not restored.` };
      keys.add(text);
      rows.push(row);
    }
    tables[table.name] = rows;
  }
  // The summary names what a restore brings back: a cache table never is.
  const restored = Object.fromEntries(Object.entries(tables).filter(([name]) => !CACHE_TABLES.has(name)));
  return { summary: { dbVersion: backup.dbVersion, exportedAt: backup.exportedAt, ...countBackupRows(restored) }, tables };
}

/**
 * Replaces every table with the backup's rows in ONE transaction (all or nothing), except this
 * browser's sync state (running, last failures: lib/db/restore-sync-state.ts), kept from before.
 */
export function restoreParsedBackup(db: CrmSegmentsDB, backup: ParsedBackup): Promise<void> {
  return writeTransaction(db, ALL_TABLES, async () => {
    const device = await readDeviceSyncState(db);
    for (const table of db.tables) {
      await table.clear();
      // A snapshot in a file is never trusted: the copy is rebuilt from the restored leads.
      // Nor is a configuration stamp: one that came back would match a copy kept before the restore.
      let rows = table.name === LEAD_SNAPSHOT_TABLE ? [] : withoutStamp(table.name, backup.tables[table.name] ?? []);
      if (table.name === 'meta') rows = withDeviceSyncState(rows, device, backup.tables.leads?.length ?? 0);
      if (rows.length === 0) continue;
      if (keyPathOf(table) !== null) await table.bulkAdd(rows);
      else await table.bulkAdd(rows.map((r) => (r as [unknown, unknown])[1]), rows.map((r) => (r as [unknown, unknown])[0]) as never);
    }
    announceLeadWrite(db, { kind: 'reset' });
  });
}

/** Empties every table in one transaction ("Delete all data"). */
export function clearAllTables(db: CrmSegmentsDB): Promise<void> {
  return writeTransaction(db, ALL_TABLES, async () => {
    for (const table of db.tables) await table.clear();
    announceLeadWrite(db, { kind: 'reset' });
  });
}
