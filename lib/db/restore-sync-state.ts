import { SYNC_STATUS_KEY } from '../schema/sync-status';
import { CONNECTIONS_KEY } from './connections';
import type { CrmSegmentsDB } from './database';

/**
 * What this browser knows of its latest attempts to sync with the CRMs, as opposed to the data a
 * backup holds: whether a sync runs now, its progress, why the last "Sync all" failed ("Last sync
 * failed: …" in the popup) and why each CRM's last automatic sync failed. A restore keeps these
 * from before the restore and never takes them from the file: a failure recorded in a backup
 * describes a sync long past (it would come back as a banner after a later sync had succeeded),
 * while a failure recorded here is still the truth about the latest sync after the data changed.
 */
export interface DeviceSyncState {
  /** `running`, `progress` and `lastError` of the stored sync status, as stored (absent when absent). */
  status: Record<string, unknown>;
  /** Connected CRM origin → why its last automatic sync failed. */
  scheduledErrors: Map<string, unknown>;
}

const DEVICE_STATUS_KEYS = ['running', 'progress', 'lastError'] as const;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Reads the {@link DeviceSyncState} from the meta table (call inside the restore's transaction). */
export async function readDeviceSyncState(db: CrmSegmentsDB): Promise<DeviceSyncState> {
  const stored = asRecord((await db.meta.get(SYNC_STATUS_KEY))?.value) ?? {};
  const status: Record<string, unknown> = {};
  for (const key of DEVICE_STATUS_KEYS) if (stored[key] !== undefined) status[key] = stored[key];
  const scheduledErrors = new Map<string, unknown>();
  const connections = (await db.meta.get(CONNECTIONS_KEY))?.value;
  for (const connection of Array.isArray(connections) ? connections : []) {
    const c = asRecord(connection);
    if (c && typeof c.origin === 'string' && c.lastScheduledError !== undefined) scheduledErrors.set(c.origin, c.lastScheduledError);
  }
  return { status, scheduledErrors };
}

/** A copy of `value` whose `keys` are those of `from` (removed where `from` has none). */
function takeKeys(value: Record<string, unknown>, from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...value };
  for (const key of keys) {
    if (from[key] === undefined) delete out[key];
    else out[key] = from[key];
  }
  return out;
}

/**
 * The backup's meta rows with this browser's {@link DeviceSyncState} in place of the file's:
 * the sync status keeps the backup's last successful sync and report (they describe the restored
 * leads) but takes `running`, `progress` and `lastError` from `state`; each restored connection
 * keeps the automatic-sync failure this browser recorded for its origin, if any. A backup without a
 * sync status gets one only when `state` has something to say (`leadCount`: the restored leads).
 */
export function withDeviceSyncState(metaRows: readonly unknown[], state: DeviceSyncState, leadCount: number): unknown[] {
  const rows = metaRows.map((row) => {
    const r = row as { key: unknown; value: unknown };
    const value = r.key === SYNC_STATUS_KEY || r.key === CONNECTIONS_KEY ? r.value : undefined;
    if (r.key === SYNC_STATUS_KEY && asRecord(value)) {
      return { ...r, value: { ...takeKeys(asRecord(value)!, state.status, DEVICE_STATUS_KEYS), running: state.status.running ?? false } };
    }
    if (r.key === CONNECTIONS_KEY && Array.isArray(value)) {
      const connections = value.map((connection: unknown) => {
        const c = asRecord(connection);
        if (!c || typeof c.origin !== 'string') return connection;
        return takeKeys(c, { lastScheduledError: state.scheduledErrors.get(c.origin) }, ['lastScheduledError']);
      });
      return { ...r, value: connections };
    }
    return row;
  });
  const hasStatus = metaRows.some((row) => (row as { key: unknown }).key === SYNC_STATUS_KEY);
  if (!hasStatus && (state.status.running === true || state.status.lastError !== undefined)) {
    rows.push({ key: SYNC_STATUS_KEY, value: { leadCount, ...state.status, running: state.status.running ?? false } });
  }
  return rows;
}
