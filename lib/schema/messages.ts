import { z, lazySchema } from './zod';
import { PanelViewSchema } from './panel-view';
import { RuleSetSchema } from './rules';
import { SegmentDraftSchema, SegmentPatchSchema } from './segment';
import { CustomFieldDefSchema, CustomFieldTypeSchema, TypedLabelSchema } from './custom-field';
import { CurrentUserSchema } from './user';
import { ImportMappingSchema } from '../import/plan';

/**
 * Payload schemas of every message the background accepts (docs/semantics.md §5: every change is a validated
 * message). Keys are the message types of `lib/messaging/protocol.ts`.
 */
const SegmentIdPayload = lazySchema(() => z.object({ id: z.string().min(1, 'a segment id is required') }));

const CampaignIdPayload = lazySchema(() => z.object({ campaignId: z.string().min(1, 'a campaign id is required') }));
const CampaignSegmentPayload = lazySchema(() => CampaignIdPayload.extend({ segmentId: z.string().min(1, 'a segment id is required') }));

export const MessagePayloadSchemas = {
  /** Full leads from an extension page or import; each is validated separately (bad ones skipped and reported). */
  ingestLeads: lazySchema(() => z.object({ leads: z.array(z.unknown()).max(5000, 'send at most 5,000 leads per message') })),
  createSegment: lazySchema(() => z.object({ draft: SegmentDraftSchema })),
  updateSegment: lazySchema(() => z.object({ id: z.string().min(1), patch: SegmentPatchSchema })),
  deleteSegment: SegmentIdPayload,
  activateSegment: SegmentIdPayload,
  deactivateSegment: SegmentIdPayload,
  refreshSegment: SegmentIdPayload,
  duplicateSegment: SegmentIdPayload,
  /** Segment definitions from a segment file (issue 8 §3), name clashes already resolved; all or nothing. */
  importSegments: lazySchema(() => z.object({ segments: z.array(SegmentDraftSchema).min(1, 'the file has no segments').max(500, 'import at most 500 segments at once') })),
  /** Who the extension thinks is signed in (docs/semantics.md §7): `{ userId, name, role, orgId }`. */
  getCurrentUser: lazySchema(() => z.object({}).default({})),
  /** The rule editor's pick lists: the stored values of these field keys with their lead counts (read only). */
  getFieldValueCounts: lazySchema(() => z.object({ fields: z.array(z.string().min(1).max(200)).min(1).max(200) })),
  previewSegment: lazySchema(() => z.object({ rules: RuleSetSchema, sampleSize: z.number().int().min(0).max(50).default(5) })),
  getMemberships: lazySchema(() => z.object({ leadIds: z.array(z.string().min(1)).max(1000) })),
  getSyncStatus: lazySchema(() => z.object({}).default({})),
  /** Pages through the CRM API of the adapter that handles `pageUrl` and stores every lead. */
  syncAll: lazySchema(() => z.object({ pageUrl: z.url() })),
  /** Cancels the running "Sync all" (issue 9 item 2). */
  cancelSync: lazySchema(() => z.object({}).default({})),
  /** Confirms (`remove: true`) or declines the removal a complete sync proposed (issue 9 item 1). */
  resolveSyncRemoval: lazySchema(() => z.object({ remove: z.boolean() })),
  /** Lead ids seen on a CRM page (content script); the background re-fetches them through the CRM API. */
  syncVisible: lazySchema(() => z.object({
    pageUrl: z.url(),
    crmIds: z.array(z.string().min(1)).max(500),
  })),
  /**
   * A connected CRM page (content script) saw its user menu change: the background re-reads the
   * signed-in user from that CRM's own API (docs/semantics.md §7). Carries no identity: a page cannot set it.
   */
  userMayHaveChanged: lazySchema(() => z.object({ pageUrl: z.url() })),
  /** Re-reads the signed-in user from the connected CRM's API now (options page). */
  checkIdentity: lazySchema(() => z.object({}).default({})),
  /** Sets (or, with null, removes) the options page's manual identity override (docs/semantics.md §7). */
  setIdentityOverride: lazySchema(() => z.object({
    user: CurrentUserSchema.nullable(),
  })),
  /** Disconnects a connected CRM origin; `deleteLeads` also deletes its stored leads (issue 11 item 2). */
  disconnectCrm: lazySchema(() => z.object({ origin: z.url(), deleteLeads: z.boolean() })),
  /** Scheduled sync of connected CRMs every `minutes` (0 = off; issue 10 item 7). */
  setAutoSync: lazySchema(() => z.object({ minutes: z.number().int().min(0).max(24 * 60) })),
  /** Sets the evaluation time zone (IANA name; null = the browser's) and refreshes active segments. */
  setTimeZone: lazySchema(() => z.object({ timeZone: z.string().min(1).nullable() })),
  /** Sets the lead statuses that count as converted for conversion rates (docs/semantics.md §8); null = the default. */
  setConvertedStatuses: lazySchema(() => z.object({ statuses: z.array(z.string().max(100)).max(50).nullable() })),
  /**
   * Opens the side panel on a segment and/or lead (from a badge or the popup). `windowId`: the
   * popup's window (a popup is not a tab, so the sender does not say which window it is in).
   */
  openSidePanel: lazySchema(() => z.object({
    segmentId: z.string().optional(),
    leadId: z.string().optional(),
    windowId: z.number().int().optional(),
    /** The tab to show (default members). */
    view: PanelViewSchema.optional(),
  })),
  /** Campaigns (issue 8): which segments target a campaign, its audience, and sending it to the CRM. */
  attachSegmentToCampaign: CampaignSegmentPayload,
  detachSegmentFromCampaign: CampaignSegmentPayload,
  getCampaignAudience: CampaignIdPayload,
  sendCampaignAudience: CampaignIdPayload,
  /** Before a CSV import: creates its new custom fields (source "import") and remembers the mapping for this header set. */
  prepareImport: lazySchema(() => z.object({
    headers: z.array(z.string()).min(1).max(1000),
    mapping: ImportMappingSchema,
    newFields: z.array(CustomFieldDefSchema).max(1000),
  })),
  /** Custom fields on the options page (issue 11 item 3): rename a label, change a type (values re-read), delete. */
  renameCustomField: lazySchema(() => z.object({ key: z.string().min(1), label: TypedLabelSchema })),
  changeCustomFieldType: lazySchema(() => z.object({ key: z.string().min(1), type: CustomFieldTypeSchema })),
  /** Counts the stored values a type change would empty, before the user confirms it (writes nothing). */
  previewCustomFieldType: lazySchema(() => z.object({ key: z.string().min(1), type: CustomFieldTypeSchema })),
  deleteCustomField: lazySchema(() => z.object({ key: z.string().min(1) })),
  /** One part of a backup being restored (rows as exported, per table); held until `restoreBackup`. */
  stageBackupRows: lazySchema(() => z.object({ token: z.uuid(), table: z.string().min(1), rows: z.array(z.unknown()).max(5000) })),
  /** Replaces every table with the staged backup, all or nothing (validated first). */
  restoreBackup: lazySchema(() => z.object({
    token: z.uuid(),
    header: z.object({ format: z.string(), version: z.number(), dbVersion: z.number(), exportedAt: z.number() }),
  })),
  /** Deletes every lead, segment, setting… ("Delete all data"); the typed confirmation must be "DELETE". */
  deleteAllData: lazySchema(() => z.object({ confirmation: z.literal('DELETE', 'type DELETE to confirm') })),
} as const;

export type MessageType = keyof typeof MessagePayloadSchemas;
export type MessagePayload<T extends MessageType> = z.input<(typeof MessagePayloadSchemas)[T]>;
export type ParsedMessagePayload<T extends MessageType> = z.output<(typeof MessagePayloadSchemas)[T]>;

/** Message types a content script (a CRM page) may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: readonly MessageType[] = ['syncVisible', 'getMemberships', 'openSidePanel', 'userMayHaveChanged'];
