import { adapterById } from '../adapters/registry';
import { getAutoSyncMinutes, listConnections, updateConnection } from '../db';
import { syncChangedLeads, type ChangesReport } from '../sync/sync-changed';
import type { SyncContext } from './sync-context';

/** Alarm of the scheduled sync of connected CRMs (issue 10 item 7). */
export const AUTO_SYNC_ALARM = 'crm-auto-sync';

/** The `browser.alarms` surface the scheduled sync uses. */
export interface AutoSyncAlarmsPort {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/**
 * Makes the scheduled sync alarm match the setting: absent when `minutes` is 0 (off), else
 * periodic every `minutes`. An alarm that already has that period is kept, so a service-worker
 * restart does not push the next run further away. Returns true when it changed the alarm.
 */
export async function ensureAutoSyncAlarm(alarms: AutoSyncAlarmsPort, minutes: number): Promise<boolean> {
  const existing = await alarms.get(AUTO_SYNC_ALARM);
  if (minutes === 0) return existing ? alarms.clear(AUTO_SYNC_ALARM) : false;
  if (existing?.periodInMinutes === minutes) return false;
  await alarms.create(AUTO_SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
  return true;
}

/** What the scheduled sync needs. */
export interface ScheduledSyncPorts extends SyncContext {
  alarms: AutoSyncAlarmsPort;
  /** True while a "Sync all" runs (the scheduled run then waits for the next alarm). */
  isFullSyncRunning(): boolean;
  /** Lead ids whose memberships changed (badge pushes). */
  onMembershipChanges(leadIds: string[]): void;
  /** Leads were stored (preview snapshot, refresh jobs). */
  onLeadsStored(): void;
}

/** One connected CRM's scheduled run: its report, or why it failed. */
export type ScheduledRunResult = { origin: string; report: ChangesReport } | { origin: string; error: string };

/** The scheduled sync of every connected CRM. */
export interface ScheduledSync {
  /** Runs once now (alarm); a run already in progress is joined, not doubled. */
  run(): Promise<ScheduledRunResult[]>;
  /** The run in progress, or undefined (a "Sync all" waits for it). */
  current(): Promise<ScheduledRunResult[]> | undefined;
  /** Handles an alarm by name; true when it was this one. Re-arms the periodic alarm afterwards. */
  onAlarm(name: string): Promise<boolean>;
  /** Applies the setting to the alarm (start-up and after a change). */
  applySetting(): Promise<void>;
}

/**
 * Scheduled background sync (issue 10 item 7): on its alarm, for each connected CRM, fetches only
 * the leads changed since the previous run (CRM clock, `changesSince`) and ingests them, so a
 * lead someone else edited in the CRM reaches its segments without anyone opening its page. An
 * incremental run never deletes leads. A failed run keeps `changesSince` (the next run asks
 * again from the same time) and records `lastScheduledError` on the connection.
 */
export function createScheduledSync(ports: ScheduledSyncPorts): ScheduledSync {
  const { db, clock } = ports;
  let running: Promise<ScheduledRunResult[]> | undefined;

  const runAll = async (): Promise<ScheduledRunResult[]> => {
    const results: ScheduledRunResult[] = [];
    if (ports.isFullSyncRunning()) return results;
    const timeZone = await ports.timeZone();
    for (const connection of await listConnections(db)) {
      const adapter = adapterById(connection.adapterId);
      if (!adapter) continue;
      try {
        const report = await syncChangedLeads({
          db,
          adapter,
          origin: connection.origin,
          crmKey: connection.crmKey,
          since: connection.changesSince,
          fetchFn: ports.fetchFn,
          clock,
          timeZone,
          onMembershipChanges: ports.onMembershipChanges,
        });
        if (report.stored > 0) ports.onLeadsStored();
        await updateConnection(db, connection.origin, {
          lastSyncAt: report.finishedAt,
          lastSyncKind: 'scheduled',
          changesSince: report.asOf ?? connection.changesSince,
          lastScheduledError: undefined,
        });
        results.push({ origin: connection.origin, report });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ports.reportError(`scheduled sync of ${connection.origin}`, error);
        await updateConnection(db, connection.origin, { lastScheduledError: message }).catch(() => undefined);
        results.push({ origin: connection.origin, error: message });
      }
    }
    return results;
  };

  const sync: ScheduledSync = {
    run() {
      running ??= runAll().finally(() => {
        running = undefined;
      });
      return running;
    },
    current: () => running,
    async onAlarm(name) {
      if (name !== AUTO_SYNC_ALARM) return false;
      try {
        await sync.run();
      } finally {
        // A one-off alarm (e.g. created with `when`) replaced the periodic one: re-arm it.
        await sync.applySetting().catch((error) => ports.reportError('scheduled sync alarm', error));
      }
      return true;
    },
    async applySetting() {
      await ensureAutoSyncAlarm(ports.alarms, await getAutoSyncMinutes(db));
    },
  };
  return sync;
}
