import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AudienceSendReport } from '../campaigns/send-audience';
import type { Campaign, CustomFieldDef, IngestReport, Lead, MessagePayload, MessageType, Segment, SkippedRecord, SyncReport, SyncStatus } from '../schema';
import type { CurrentUser } from '../adapters/types';
import type { BackupSummary } from '../db/backup';
import type { RetypeReport, SegmentRef } from '../segments/custom-field-changes';
import type { RetypePreview } from '../segments/retype-preview';
import type { StoredFieldValues } from '../db/field-values';

export type { CurrentUser };

/** Every background answer: a value, or a plain-language error and nothing written. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

export type { IngestReport, SkippedRecord, SyncReport, SyncStatus };

/** Lead fields shown in previews and samples. */
export type LeadSummary = Pick<Lead, 'id' | 'crmId' | 'name' | 'email' | 'company' | 'status' | 'source' | 'country'>;

/** A draft rule set's preview: member count over all stored leads, and a few sample members. */
export interface SegmentPreview {
  count: number;
  total: number;
  sample: LeadSummary[];
  /** Evaluation time (epoch ms). */
  elapsedMs: number;
  /**
   * Set while a "Sync all" is still storing leads (issue 10 item 5): the count covers only the
   * leads stored so far. `stored`: leads fetched and stored so far; `total`: the CRM's total when known.
   */
  sync?: { stored: number; total?: number };
  /**
   * Set while the background still loads its copy of the leads (right after the service worker
   * started): there is no count yet — `count` and `total` are 0, `sample` empty — so ask again;
   * `loaded` of the `total` stored leads are in the copy so far.
   */
  loading?: { loaded: number; total: number };
}

/** A chip shown on a lead's badge (docs/semantics.md §1). */
export interface BadgeSegment {
  id: string;
  name: string;
  color: string;
}

/** Outcome of importing a segment file (issue 8 §3): the segments created, in file order. */
export interface SegmentImportReport {
  created: Segment[];
  /** How many of them were stored with `error` set (e.g. a custom field this browser does not know). */
  withErrors: number;
}

type Handler<T extends MessageType, R> = (data: MessagePayload<T>) => Result<R>;

/**
 * Messages the background answers (typed via @webext-core/messaging). Wire format:
 * `{ id, type, data, timestamp }` → `{ res: Result<…> }`. Every payload is validated with the Zod
 * schemas of `lib/schema/messages.ts`; an invalid one gets `{ ok: false, error }`.
 */
export interface BackgroundProtocol {
  ingestLeads: Handler<'ingestLeads', IngestReport>;
  createSegment: Handler<'createSegment', Segment>;
  updateSegment: Handler<'updateSegment', Segment>;
  deleteSegment: Handler<'deleteSegment', { id: string }>;
  activateSegment: Handler<'activateSegment', Segment>;
  deactivateSegment: Handler<'deactivateSegment', Segment>;
  refreshSegment: Handler<'refreshSegment', Segment>;
  duplicateSegment: Handler<'duplicateSegment', Segment>;
  importSegments: Handler<'importSegments', SegmentImportReport>;
  getCurrentUser: Handler<'getCurrentUser', CurrentUser>;
  previewSegment: Handler<'previewSegment', SegmentPreview>;
  /** Field key → its stored values with lead counts (most common first; `complete` false when cut at 2,000). */
  getFieldValueCounts: Handler<'getFieldValueCounts', Record<string, StoredFieldValues>>;
  /** Memberships for lead ids: lead id → the segments it belongs to (badge chips). */
  getMemberships: Handler<'getMemberships', Record<string, BadgeSegment[]>>;
  getSyncStatus: Handler<'getSyncStatus', SyncStatus>;
  syncAll: Handler<'syncAll', SyncReport>;
  /** Cancels the running "Sync all"; `cancelled` is false when none was running. */
  cancelSync: Handler<'cancelSync', { cancelled: boolean }>;
  /** Answers the pending removal question of the last sync: remove the leads, or keep them. */
  resolveSyncRemoval: Handler<'resolveSyncRemoval', { deleted: number; kept: number }>;
  syncVisible: Handler<'syncVisible', IngestReport>;
  setTimeZone: Handler<'setTimeZone', { timeZone: string }>;
  /** The converted statuses as stored (trimmed, duplicates removed). */
  setConvertedStatuses: Handler<'setConvertedStatuses', { statuses: string[] }>;
  openSidePanel: Handler<'openSidePanel', { opened: boolean }>;
  attachSegmentToCampaign: Handler<'attachSegmentToCampaign', Campaign>;
  detachSegmentFromCampaign: Handler<'detachSegmentFromCampaign', Campaign>;
  getCampaignAudience: Handler<'getCampaignAudience', CampaignAudienceSummary>;
  sendCampaignAudience: Handler<'sendCampaignAudience', AudienceSendReport>;
  /** Every custom field definition after the import's new ones were added. */
  prepareImport: Handler<'prepareImport', { customFields: CustomFieldDef[] }>;
  /** The renamed definition. */
  renameCustomField: Handler<'renameCustomField', CustomFieldDef>;
  /** What the type change did to the stored values and the segments. */
  changeCustomFieldType: Handler<'changeCustomFieldType', RetypeReport>;
  /** How many stored values the type change would empty (asked before confirming). */
  previewCustomFieldType: Handler<'previewCustomFieldType', RetypePreview>;
  /** The segments that got an error because they use the deleted field. */
  deleteCustomField: Handler<'deleteCustomField', { invalidSegments: SegmentRef[] }>;
  stageBackupRows: Handler<'stageBackupRows', { staged: number }>;
  restoreBackup: Handler<'restoreBackup', BackupSummary>;
  deleteAllData: Handler<'deleteAllData', { deleted: true }>;
  /** `checked`: the user was re-read from the CRM's API (false when the page's origin is not connected). */
  userMayHaveChanged: Handler<'userMayHaveChanged', { checked: boolean }>;
  /** The user the connected CRM's API reports now, or null when no CRM is connected. */
  checkIdentity: Handler<'checkIdentity', { user: CurrentUser | null }>;
  setIdentityOverride: Handler<'setIdentityOverride', { user: CurrentUser | null }>;
  /** How many stored leads of that CRM were deleted (0 when they were kept). */
  disconnectCrm: Handler<'disconnectCrm', { deleted: number }>;
  setAutoSync: Handler<'setAutoSync', { minutes: number }>;
}

/** A campaign's audience in numbers (docs/semantics.md §2): `count` leads, and what was left out. */
export interface CampaignAudienceSummary {
  campaignId: string;
  count: number;
  segmentMembers: number;
  excluded: number;
  doNotEmail: number;
}

/** Messages the background pushes to CRM tabs (content scripts). */
export interface ContentProtocol {
  /** Memberships changed for these leads: lead id → its segments now. */
  membershipsChanged(data: { memberships: Record<string, BadgeSegment[]> }): void;
  /** Segments were renamed/recoloured/deleted: the content script re-requests its visible leads. */
  segmentsChanged(data: Record<string, never>): void;
}

/** Sends to / listens in the background. */
export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
/** Sends to / listens in CRM tabs. */
export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
