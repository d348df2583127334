import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { getMeta, setMeta } from './meta';

/**
 * A CRM origin the user connected (issue 11 item 2, issue 9 item 4): the extension syncs it, runs
 * its content script there and (issue 10 item 7) syncs its changes on a schedule.
 */
export const CrmConnectionSchema = lazySchema(() => z.object({
  /** The CRM's origin, e.g. "http://127.0.0.1:5174" (no path, no trailing slash). */
  origin: z.string().min(1),
  /** Id of the adapter that handles it (lib/adapters/registry.ts), e.g. "demo-crm". */
  adapterId: z.string().min(1),
  /** The crmKey its leads are stored under (docs/semantics.md §2). */
  crmKey: z.string().min(1),
  /** Human name of the CRM, e.g. "Acme CRM (demo)". */
  label: z.string(),
  /** When it was connected, epoch ms (browser clock). */
  connectedAt: z.number(),
  /** True when connecting granted an optional host permission, which disconnecting revokes. */
  grantedPermission: z.boolean(),
  /** Last successful sync (Sync all or scheduled), epoch ms (browser clock): "Data as of". */
  lastSyncAt: z.number().optional(),
  /** What that sync was. */
  lastSyncKind: z.enum(['full', 'scheduled']).optional(),
  /**
   * The CRM's own clock (epoch ms) from which the next scheduled sync asks for changes
   * (`updated_since`); absent until a sync has told it.
   */
  changesSince: z.number().optional(),
  /** Why the last scheduled sync failed (cleared by the next success). */
  lastScheduledError: z.string().optional(),
}));
export type CrmConnection = z.infer<typeof CrmConnectionSchema>;

/** Meta key of the connected CRMs (one row: they are few). */
export const CONNECTIONS_KEY = 'crm.connections';
/** Meta key of the scheduled sync period in minutes (0 = off). */
export const AUTO_SYNC_KEY = 'settings.autoSyncMinutes';
/** Default scheduled sync period, minutes (issue 10 item 7). */
export const DEFAULT_AUTO_SYNC_MINUTES = 15;
/** Periods the options page offers, minutes; 0 = off. */
export const AUTO_SYNC_CHOICES = [0, 5, 15, 30, 60] as const;

const ConnectionsSchema = lazySchema(() => z.array(CrmConnectionSchema));
const AutoSyncSchema = lazySchema(() => z.number().int().min(0).max(24 * 60));

/** Every connected CRM, oldest connection first. */
export function listConnections(db: CrmSegmentsDB): Promise<CrmConnection[]> {
  return getMeta(db, CONNECTIONS_KEY, ConnectionsSchema, []);
}

/** The connection of `origin`, or undefined. */
export async function getConnection(db: CrmSegmentsDB, origin: string): Promise<CrmConnection | undefined> {
  return (await listConnections(db)).find((c) => c.origin === origin);
}

/** Read-modify-write of the connection list in one transaction (no lost update between two writers). */
function changeConnections(db: CrmSegmentsDB, change: (list: CrmConnection[]) => CrmConnection[]): Promise<CrmConnection[]> {
  return db.transaction('rw', db.meta, async () => {
    const next = change(await listConnections(db));
    await setMeta(db, CONNECTIONS_KEY, ConnectionsSchema, next);
    return next;
  });
}

/** Adds `connection`, or replaces the one with the same origin. Throws `StoreValidationError`. */
export async function putConnection(db: CrmSegmentsDB, connection: CrmConnection): Promise<void> {
  await changeConnections(db, (list) => {
    const i = list.findIndex((c) => c.origin === connection.origin);
    return i === -1 ? [...list, connection] : list.map((c, j) => (j === i ? connection : c));
  });
}

/**
 * Merges `patch` into the connection of `origin` (keys set to undefined are removed). Returns the
 * updated connection, or undefined when the origin is not connected (nothing written then).
 */
export async function updateConnection(db: CrmSegmentsDB, origin: string, patch: Partial<Omit<CrmConnection, 'origin'>>): Promise<CrmConnection | undefined> {
  let updated: CrmConnection | undefined;
  await changeConnections(db, (list) =>
    list.map((c) => {
      if (c.origin !== origin) return c;
      const merged: Record<string, unknown> = { ...c, ...patch };
      for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
      updated = merged as CrmConnection;
      return updated;
    }),
  );
  return updated;
}

/** Removes the connection of `origin`; returns it (undefined when it was not connected). */
export async function removeConnection(db: CrmSegmentsDB, origin: string): Promise<CrmConnection | undefined> {
  let removed: CrmConnection | undefined;
  await changeConnections(db, (list) => {
    removed = list.find((c) => c.origin === origin);
    return list.filter((c) => c.origin !== origin);
  });
  return removed;
}

/** The scheduled sync period in minutes; 0 = off; default {@link DEFAULT_AUTO_SYNC_MINUTES}. */
export function getAutoSyncMinutes(db: CrmSegmentsDB): Promise<number> {
  return getMeta(db, AUTO_SYNC_KEY, AutoSyncSchema, DEFAULT_AUTO_SYNC_MINUTES);
}

/** Stores the scheduled sync period (whole minutes, 0–1440; 0 = off). Throws `StoreValidationError`. */
export async function setAutoSyncMinutes(db: CrmSegmentsDB, minutes: number): Promise<void> {
  await setMeta(db, AUTO_SYNC_KEY, AutoSyncSchema, minutes);
}

/** How many leads are stored under `crmKey` (a connected CRM's, an import's). */
export function countLeadsOfCrm(db: CrmSegmentsDB, crmKey: string): Promise<number> {
  return db.leads.where('crmKey').equals(crmKey).count();
}
