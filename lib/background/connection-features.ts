import { getCrmUserRecord, listConnections, setAutoSyncMinutes, setCurrentUserOverride } from '../db';
import type { ContentScriptPort } from '../connections/content-scripts';
import type { MessageHandlers } from '../messaging/router';
import { createCrmConnections, type CrmConnections } from './crm-connections';
import { createScheduledSync, type AutoSyncAlarmsPort, type ScheduledSync } from './scheduled-sync';
import type { SyncContext } from './sync-context';

/** Browser APIs of connected CRMs: content script registration, host permissions, the sync alarm. */
export interface CrmBrowserPorts {
  scripts: ContentScriptPort;
  /** `browser.permissions.remove` of one origin pattern. */
  removeHostPermission(pattern: string): Promise<unknown>;
  alarms: AutoSyncAlarmsPort;
}

/**
 * In-memory stand-ins for {@link CrmBrowserPorts} (registrations and alarms kept in maps, nothing
 * injected, no permission to give back): for a background service built outside a browser.
 */
export function memoryCrmPorts(): CrmBrowserPorts {
  const scripts = new Map<string, string[]>();
  const alarms = new Map<string, { name: string; periodInMinutes?: number }>();
  return {
    scripts: {
      registeredIds: async () => [...scripts.keys()],
      register: async (id, matches) => void scripts.set(id, matches),
      unregister: async (ids) => ids.forEach((id) => scripts.delete(id)),
      injectIntoOpenTabs: async () => undefined,
    },
    removeHostPermission: async () => false,
    alarms: {
      get: async (name) => alarms.get(name),
      create: (name, info) => void alarms.set(name, { name, periodInMinutes: info.periodInMinutes }),
      clear: async (name) => alarms.delete(name),
    },
  };
}

/** What {@link createConnectionFeatures} needs from the background service. */
export interface ConnectionFeaturePorts extends SyncContext {
  crm: CrmBrowserPorts;
  /** True while a "Sync all" runs. */
  isFullSyncRunning(): boolean;
  /** Leads were stored or deleted, or their memberships changed: badges, snapshot, jobs. */
  onLeadsChanged(leadIds: string[]): void;
}

/** The message types {@link createConnectionFeatures} answers. */
type ConnectionMessage = 'userMayHaveChanged' | 'checkIdentity' | 'setIdentityOverride' | 'disconnectCrm' | 'setAutoSync';

/**
 * Connected CRMs, identity and the scheduled sync, wired for the background service: the
 * connection service, the scheduled sync and their message handlers.
 */
export function createConnectionFeatures(ports: ConnectionFeaturePorts): {
  connections: CrmConnections;
  scheduled: ScheduledSync;
  handlers: Pick<MessageHandlers, ConnectionMessage>;
} {
  const { db } = ports;
  const context: SyncContext = { db, fetchFn: ports.fetchFn, clock: ports.clock, timeZone: ports.timeZone, reportError: ports.reportError };
  const connections = createCrmConnections({
    ...context,
    scripts: ports.crm.scripts,
    removeHostPermission: ports.crm.removeHostPermission,
    onLeadsRemoved: ports.onLeadsChanged,
  });
  const scheduled = createScheduledSync({
    ...context,
    alarms: ports.crm.alarms,
    isFullSyncRunning: ports.isFullSyncRunning,
    onMembershipChanges: ports.onLeadsChanged,
    onLeadsStored: () => ports.onLeadsChanged([]),
  });
  const handlers: Pick<MessageHandlers, ConnectionMessage> = {
    async userMayHaveChanged({ pageUrl }) {
      return { checked: (await connections.checkUser(new URL(pageUrl).origin)) !== null };
    },
    async checkIdentity() {
      const origin = (await getCrmUserRecord(db))?.origin ?? (await listConnections(db))[0]?.origin;
      return { user: origin ? await connections.checkUser(origin) : null };
    },
    async setIdentityOverride({ user }) {
      await setCurrentUserOverride(db, user);
      return { user };
    },
    async disconnectCrm({ origin, deleteLeads }) {
      return connections.disconnect(new URL(origin).origin, { deleteLeads });
    },
    async setAutoSync({ minutes }) {
      await setAutoSyncMinutes(db, minutes);
      await scheduled.applySetting();
      return { minutes };
    },
  };
  return { connections, scheduled, handlers };
}
