// Over 250 lines on purpose: this is the background's composition root, the one table of every
// message handler with its ownership check; each handler body lives in its own module.
import { findAdapter } from '../adapters/registry';
import type { FetchFn } from '../adapters/types';
import { LOCAL_USER, getCurrentUser, getEvaluationTimeZone, setConvertedStatuses, type CrmSegmentsDB, type CurrentUserSetting } from '../db';
import type { BadgeSegment } from '../messaging/protocol';
import { UserFacingError, type MessageHandlers, type MessageSenderInfo } from '../messaging/router';
import {
  activateSegment,
  changeEvaluationTimeZone,
  createSegment,
  deactivateSegment,
  deleteSegment,
  duplicateSegment,
  ingestLeads,
  badgeChips,
  membershipsForLeads,
  previewRules,
  refreshSegment,
  scheduleTimeDependentRefresh,
  updateSegment,
} from '../segments';
import { importSegments } from '../segments/segment-import';
import { syncVisibleLeads } from '../sync/sync-visible';
import { SCHEDULE_ALARM } from './alarms';
import { createBadgePusher } from './badge-pusher';
import { createCampaignHandlers } from './campaign-handlers';
import { createConnectionFeatures, memoryCrmPorts, type CrmBrowserPorts } from './connection-features';
import { createRefreshJobRunner, type JobRunner } from './job-runner';
import { createLeadMemory } from './lead-memory';
import { previewWhenLoaded } from './preview-loading';
import { createFieldValueCounts } from './field-value-counts';
import { createImportHandlers } from './import-handlers';
import { createDataHandlers } from './data-handlers';
import { createCustomFieldHandlers } from './custom-field-handlers';
import { createSyncRunner } from './sync-runner';
import { cachedRead } from './cached-read';

/** Everything the background service needs from the browser (the composition root passes real ones). */
export interface BackgroundPorts {
  db: CrmSegmentsDB;
  fetchFn: FetchFn;
  /** Wall clock, epoch ms. */
  clock: () => number;
  /** Pushes to CRM tabs (content scripts). */
  tabs: {
    /** Sends one tab the new chips of leads it shows (only tabs that show them are sent any). */
    membershipsChanged(tabId: number, memberships: Record<string, BadgeSegment[]>): Promise<void>;
    segmentsChanged(): Promise<void>;
  };
  /** Opens the side panel (or a tab when it cannot) on a segment and/or lead. */
  openSidePanel(target: { segmentId?: string; leadId?: string }, sender: MessageSenderInfo): Promise<boolean>;
  /** Reports a background failure nobody is waiting for. */
  reportError(context: string, error: unknown): void;
  /**
   * Connected CRMs (issue 9 item 4, 11 item 2, 10 item 7): content scripts, host permissions, the
   * sync alarm. Default: in-memory stand-ins (`memoryCrmPorts`, for tests outside a browser).
   */
  crm?: CrmBrowserPorts;
}

/** The background: message handlers, start-up and alarm work, and the refresh job runner. */
export interface BackgroundService {
  handlers: MessageHandlers;
  /** Resumes interrupted refresh jobs (docs/semantics.md §5). */
  start(): void;
  /** Handles an alarm by name (re-evaluates time-dependent segments). */
  onAlarm(name: string): Promise<void>;
  jobs: JobRunner;
  /** A tab closed: its leads no longer need live badge pushes. */
  forgetTab(tabId: number): void;
}

/** True when a message comes from a web page (a content script), not from an extension page. */
const isPageSender = (sender: MessageSenderInfo): boolean => /^https?:/.test(sender.url ?? '');

/**
 * Builds the background service (docs/semantics.md §5: the background is the only writer). Each handler
 * receives a payload already validated by the router; failures throw and become
 * `{ ok: false, error }`.
 */
export function createBackgroundService(ports: BackgroundPorts): BackgroundService {
  const { db, clock } = ports;
  // The compact copy of every lead for previews: kept current by the lead writes themselves.
  const leadMemory = createLeadMemory(db);
  const fieldValues = createFieldValueCounts(db, leadMemory);

  // Read on every message that evaluates (a single-lead ingest too): kept in the worker, forgotten
  // by the only writers of the setting (setTimeZone, and a restore or "Delete all data").
  const evaluationTimeZone = cachedRead(() => getEvaluationTimeZone(db));
  const timeZone = () => evaluationTimeZone.get();

  /** The current user (docs/semantics.md §7): `getCurrentUser` of lib/db (override, else the connected CRM's API), else LOCAL_USER. */
  const currentOwner = async (): Promise<CurrentUserSetting> => (await getCurrentUser(db)).user ?? LOCAL_USER;

  // Badge pushes: only to the tabs that show a changed lead, coalesced, never awaited by a chunk or
  // ingest; an ingest's own membership difference is pushed as it is (issue 12 item 3).
  const badges = createBadgePusher(
    {
      read: (leadIds) => membershipsForLeads(db, leadIds),
      chips: (memberships) => badgeChips(db, memberships),
      send: (tabId, memberships) => ports.tabs.membershipsChanged(tabId, memberships),
    },
    { onError: (error) => ports.reportError('badge update', error) },
  );
  const pushMemberships = (leadIds: readonly string[]) => badges.changed(leadIds);

  const quietly = (context: string, work: Promise<unknown>) => {
    work.catch((error) => ports.reportError(context, error));
  };

  const jobs = createRefreshJobRunner(db, {
    timeZone,
    clock,
    known: leadMemory.known,
    onProgress: (progress) => pushMemberships(progress.changedLeadIds),
    onError: (jobId, error) => ports.reportError(`refresh job ${jobId}`, error),
  });

  const syncRunner = createSyncRunner({
    db,
    fetchFn: ports.fetchFn,
    clock,
    timeZone,
    leadsChanged: () => jobs.kick(),
    membershipsChanged: (leadIds) => pushMemberships(leadIds),
    reportError: ports.reportError,
    known: leadMemory.known,
  });

  const { connections, scheduled, handlers: connectionHandlers } = createConnectionFeatures({
    db,
    fetchFn: ports.fetchFn,
    clock,
    timeZone,
    crm: ports.crm ?? memoryCrmPorts(),
    isFullSyncRunning: () => syncRunner.isRunning(),
    onLeadsChanged: (leadIds) => {
      pushMemberships(leadIds);
      jobs.kick();
    },
    reportError: ports.reportError,
  });

  const afterDefinitionChange = () => {
    jobs.kick();
    quietly('badge update', ports.tabs.segmentsChanged());
  };

  const adapterFor = (pageUrl: string) => {
    const adapter = findAdapter(pageUrl);
    if (!adapter) throw new UserFacingError('This page is not a CRM that CRM Segments knows. Open your CRM\'s leads page, then sync.');
    return adapter;
  };

  // Ingest messages are stored one after another in the order they arrived (a later record of a
  // lead wins), also when a page keeps two in flight (the CSV import): the next one is received
  // and parsed while this one is stored.
  let ingestTail: Promise<unknown> = Promise.resolve();

  const handlers: MessageHandlers = {
    async ingestLeads({ leads }) {
      const run = ingestTail.then(async () => ingestLeads(db, leads, { now: clock(), timeZone: await timeZone(), known: leadMemory.known }));
      ingestTail = run.catch(() => undefined);
      const { report, changes, refreshPending } = await run;
      badges.changedTo(changes);
      // No job to run: no read of the jobs table in the way of the next message's transaction.
      if (refreshPending) jobs.kick();
      return report;
    },
    async createSegment({ draft }) {
      const segment = await createSegment(db, draft, await currentOwner(), { now: clock() });
      jobs.kick();
      return segment;
    },
    async updateSegment({ id, patch }) {
      const owner = await currentOwner();
      const segment = await updateSegment(db, id, patch, { now: clock(), actorId: owner.userId });
      afterDefinitionChange();
      return segment;
    },
    async deleteSegment({ id }) {
      const owner = await currentOwner();
      await deleteSegment(db, id, { actorId: owner.userId, now: clock() });
      jobs.kick();
      quietly('badge update', ports.tabs.segmentsChanged());
      return { id };
    },
    async activateSegment({ id }) {
      const owner = await currentOwner();
      const segment = await activateSegment(db, id, { now: clock(), actorId: owner.userId });
      jobs.kick();
      return segment;
    },
    async deactivateSegment({ id }) {
      const owner = await currentOwner();
      return deactivateSegment(db, id, { now: clock(), actorId: owner.userId });
    },
    async refreshSegment({ id }) {
      const owner = await currentOwner();
      const segment = await refreshSegment(db, id, { now: clock(), actorId: owner.userId });
      jobs.kick();
      return segment;
    },
    async duplicateSegment({ id }) {
      const segment = await duplicateSegment(db, id, await currentOwner(), { now: clock() });
      jobs.kick();
      return segment;
    },
    async importSegments({ segments }) {
      const report = await importSegments(db, segments, await currentOwner(), { now: clock() });
      jobs.kick();
      return report;
    },
    async getCurrentUser() {
      return currentOwner();
    },
    async previewSegment({ rules, sampleSize }) {
      const preview = await previewWhenLoaded(leadMemory, async (leads) => previewRules(db, rules, { now: clock(), timeZone: await timeZone(), sampleSize, leads }));
      const progress = syncRunner.progress();
      return progress ? { ...preview, sync: { stored: progress.done, ...(progress.total !== undefined ? { total: progress.total } : {}) } } : preview;
    },
    async getFieldValueCounts({ fields }) {
      return fieldValues.get(fields);
    },
    async getMemberships({ leadIds }, sender) {
      if (sender.tab?.id !== undefined) badges.shown(sender.tab.id, leadIds);
      return membershipsForLeads(db, leadIds);
    },
    async getSyncStatus() {
      // No preview snapshot here: loading every lead when the popup opens delays its first paint.
      return syncRunner.status();
    },
    async syncAll({ pageUrl }) {
      const adapter = adapterFor(pageUrl);
      let newestUpdatedAt: number | undefined;
      const report = await syncRunner.run(
        adapter,
        pageUrl,
        async () => {
          await scheduled.current()?.catch(() => undefined);
        },
        (leads) => {
          for (const { crmUpdatedAt: at } of leads) if (typeof at === 'number' && (newestUpdatedAt === undefined || at > newestUpdatedAt)) newestUpdatedAt = at;
        },
      );
      // The first successful Sync all of a CRM page connects that CRM (issue 9 item 4).
      await connections.recordFullSync(new URL(pageUrl).origin, adapter, { finishedAt: report.finishedAt, ...(newestUpdatedAt !== undefined ? { newestUpdatedAt } : {}) });
      return report;
    },
    async cancelSync() {
      return syncRunner.cancel();
    },
    async resolveSyncRemoval({ remove }) {
      return syncRunner.resolveRemoval(remove);
    },
    async syncVisible({ pageUrl, crmIds }, sender) {
      const adapter = adapterFor(pageUrl);
      if (isPageSender(sender) && !(await connections.isConnected(new URL(pageUrl).origin))) {
        throw new UserFacingError('This CRM is not connected: click "Sync all" in the CRM Segments popup on its page first.');
      }
      // The asking tab shows these leads (also after a service worker restart forgot it): it gets their changes.
      if (sender.tab?.id !== undefined) badges.shown(sender.tab.id, crmIds.map((crmId) => `${adapter.crmKey(new URL(pageUrl))}/${crmId}`));
      const result = await syncVisibleLeads({ db, adapter, pageUrl, crmIds, fetchFn: ports.fetchFn, clock, timeZone: await timeZone() });
      badges.changedTo(result.memberships);
      jobs.kick();
      return result.report;
    },
    async setTimeZone({ timeZone: zone }) {
      try {
        await changeEvaluationTimeZone(db, zone, clock());
      } finally {
        evaluationTimeZone.forget();
      }
      jobs.kick();
      return { timeZone: await timeZone() };
    },
    async setConvertedStatuses({ statuses }) {
      return { statuses: await setConvertedStatuses(db, statuses) };
    },
    async openSidePanel(target, sender) {
      return { opened: await ports.openSidePanel(target, sender) };
    },
    ...createCampaignHandlers(ports),
    ...createImportHandlers(db),
    ...createCustomFieldHandlers({
      db,
      clock,
      timeZone,
      segmentsChanged: afterDefinitionChange,
      leads: () => leadMemory.get(),
    }),
    ...createDataHandlers({
      db,
      afterReplace: async () => {
        evaluationTimeZone.forget();
        jobs.kick();
        quietly('badge update', ports.tabs.segmentsChanged());
        // The connected CRMs came or went with the data: their content scripts and the schedule follow.
        await connections.start().catch((error) => ports.reportError('connected CRM content scripts', error));
        await scheduled.applySetting().catch((error) => ports.reportError('scheduled sync alarm', error));
      },
    }),
    ...connectionHandlers,
  };

  return {
    handlers,
    jobs,
    forgetTab: (tabId) => badges.forgetTab(tabId),
    start() {
      quietly('sync status recovery', syncRunner.recover());
      leadMemory.warm();
      jobs.kick();
      quietly('connected CRM content scripts', connections.start());
      quietly('scheduled sync alarm', scheduled.applySetting());
    },
    async onAlarm(name) {
      if (await scheduled.onAlarm(name)) return;
      if (name !== SCHEDULE_ALARM) return;
      await scheduleTimeDependentRefresh(db, clock(), { timeZone: await timeZone() });
      jobs.kick();
    },
  };
}
