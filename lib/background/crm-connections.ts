import { adapterById } from '../adapters/registry';
import type { CrmAdapter } from '../adapters/types';
import {
  clearCrmUserOf,
  getConnection,
  leadIdsOfCrm,
  listConnections,
  putConnection,
  removeConnection,
  setCrmUser,
  type CrmConnection,
  type CurrentUserSetting,
} from '../db';
import { reconcileContentScripts, type ContentScriptPort } from '../connections/content-scripts';
import { isBuiltInHost, originPattern } from '../connections/hosts';
import { UserFacingError } from '../messaging/router';
import { deleteLeads } from '../segments';
import type { SyncContext } from './sync-context';

/** What the connection service needs from the browser (the composition root passes real ones). */
export interface ConnectionPorts extends SyncContext {
  scripts: ContentScriptPort;
  /** `browser.permissions.remove` for one origin pattern. */
  removeHostPermission(pattern: string): Promise<unknown>;
  /** Leads were deleted (badge pushes, preview snapshot). */
  onLeadsRemoved(leadIds: string[]): void;
}

/**
 * How far before the newest `updated_at` a first "Sync all" returned the first scheduled sync
 * starts asking for changes: an edit made while that Sync all was paging may carry an older
 * time than a lead fetched after it. Re-fetching an unchanged lead writes nothing.
 */
export const FIRST_CHANGES_OVERLAP_MS = 60 * 60 * 1000;
/** Leads deleted per transaction when a disconnected CRM's leads are deleted. */
const DELETE_CHUNK = 1000;

/** Connected CRMs: connect on the first "Sync all", identity from their API, disconnect. */
export interface CrmConnections {
  /**
   * Records a successful "Sync all" of `origin`; the first one CONNECTS it (registers its content
   * script, runs it in tabs already open there) and reads the signed-in user from its API.
   * `newestUpdatedAt`: the newest `crmUpdatedAt` the sync received (CRM clock).
   */
  recordFullSync(origin: string, adapter: CrmAdapter, sync: { finishedAt: number; newestUpdatedAt?: number }): Promise<CrmConnection>;
  /** True when `origin` is connected. */
  isConnected(origin: string): Promise<boolean>;
  /**
   * Re-reads the signed-in user from `origin`'s own API (docs/semantics.md §7) and stores it; null (nothing
   * read) when `origin` is not connected. Concurrent checks of one origin share one request.
   * Throws the adapter's `CrmApiError` when the CRM does not answer.
   */
  checkUser(origin: string): Promise<CurrentUserSetting | null>;
  /**
   * Disconnects `origin`: optionally deletes its stored leads (with their memberships, through
   * the same path as any lead deletion), unregisters its content script, stops its scheduled
   * sync, gives back an optional host permission it was granted and forgets the user it reported.
   * Throws `UserFacingError` when it is not connected.
   */
  disconnect(origin: string, options: { deleteLeads: boolean }): Promise<{ deleted: number }>;
  /**
   * Makes the registered content scripts those of the connected origins (at start-up, and after a
   * backup restore or "Delete all data"), injecting the script into the open tabs of an origin it adds.
   */
  start(): Promise<void>;
}

/** Builds the connection service (issue 9 item 4, issue 11 item 2). */
export function createCrmConnections(ports: ConnectionPorts): CrmConnections {
  const { db, clock } = ports;
  const userChecks = new Map<string, Promise<CurrentUserSetting | null>>();

  const reconcile = async () => {
    const origins = (await listConnections(db)).map((c) => c.origin);
    return reconcileContentScripts(ports.scripts, origins);
  };

  const readUser = async (origin: string): Promise<CurrentUserSetting | null> => {
    const connection = await getConnection(db, origin);
    const adapter = connection && adapterById(connection.adapterId);
    if (!connection || !adapter) return null;
    const user = await adapter.fetchCurrentUser(origin, ports.fetchFn);
    // Still connected after the request? (a disconnect may have happened meanwhile)
    if (!(await getConnection(db, origin))) return null;
    await setCrmUser(db, { user, origin, checkedAt: clock() });
    return user;
  };

  const service: CrmConnections = {
    async recordFullSync(origin, adapter, sync) {
      const existing = await getConnection(db, origin);
      const fallbackSince = sync.newestUpdatedAt === undefined ? undefined : sync.newestUpdatedAt - FIRST_CHANGES_OVERLAP_MS;
      const connection: CrmConnection = {
        ...(existing ?? {
          origin,
          adapterId: adapter.id,
          crmKey: adapter.crmKey(new URL(origin)),
          label: adapter.label,
          connectedAt: clock(),
          grantedPermission: !isBuiltInHost(origin),
        }),
        lastSyncAt: sync.finishedAt,
        lastSyncKind: 'full',
      };
      const since = existing?.changesSince ?? fallbackSince;
      if (since !== undefined) connection.changesSince = since;
      await putConnection(db, connection);
      const added = await reconcile();
      if (!existing || added.includes(origin)) {
        await ports.scripts.injectIntoOpenTabs(origin).catch((error) => ports.reportError(`content script in open tabs of ${origin}`, error));
      }
      await service.checkUser(origin).catch((error) => ports.reportError(`current user of ${origin}`, error));
      return connection;
    },

    async isConnected(origin) {
      return (await getConnection(db, origin)) !== undefined;
    },

    checkUser(origin) {
      const running = userChecks.get(origin);
      if (running) return running;
      const check = readUser(origin).finally(() => userChecks.delete(origin));
      userChecks.set(origin, check);
      return check;
    },

    async disconnect(origin, options) {
      const connection = await getConnection(db, origin);
      if (!connection) throw new UserFacingError(`${origin} is not connected.`);
      let deleted = 0;
      if (options.deleteLeads) {
        const ids = await leadIdsOfCrm(db, connection.crmKey);
        const timeZone = await ports.timeZone();
        for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
          const chunk = ids.slice(i, i + DELETE_CHUNK);
          deleted += await deleteLeads(db, chunk, { now: clock(), timeZone });
          ports.onLeadsRemoved(chunk);
        }
      }
      await removeConnection(db, origin);
      await reconcile();
      if (connection.grantedPermission) {
        await ports.removeHostPermission(originPattern(origin)).catch((error) => ports.reportError(`host permission of ${origin}`, error));
      }
      await clearCrmUserOf(db, origin);
      return { deleted };
    },

    async start() {
      // Origins registered now (a restored backup's, or a registration lost) get the script in their open tabs too.
      for (const origin of await reconcile()) {
        await ports.scripts.injectIntoOpenTabs(origin).catch((error) => ports.reportError(`content script in open tabs of ${origin}`, error));
      }
    },
  };
  return service;
}
