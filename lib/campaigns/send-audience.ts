/**
 * "Send audience to CRM" (issue 8): writes a campaign's audience to its CRM through the adapter's
 * `sendCampaignAudience` capability and records the send. The audience already leaves out leads
 * excluded from the campaign and, for email campaigns, leads tagged do-not-email (docs/semantics.md §2); they
 * are checked once more here, so such a lead is never sent.
 */
import { findAdapterForCrmKey } from '../adapters/registry';
import { MAX_AUDIENCE_IDS, type FetchFn } from '../adapters/types';
import { audienceFingerprint, recordCampaignSend, type CrmSegmentsDB } from '../db';
import { audienceExclusion } from './audience';
import { loadCampaignAudience } from './audience-store';
import { CampaignOperationError } from './campaign-targets';

/** The outcome of a send. */
export interface AudienceSendReport {
  campaignId: string;
  /** Leads the CRM stored as the campaign's audience. */
  sent: number;
  /** When the CRM accepted it (epoch ms). */
  sentAt: number;
  /** Leads of the campaign's segments left out: excluded from the campaign, and tagged do-not-email. */
  excluded: number;
  doNotEmail: number;
}

/**
 * Sends the current audience of `campaignId` to the campaign's CRM, replacing what was sent
 * before. Throws `CampaignOperationError` (no such campaign, no adapter, adapter cannot receive
 * audiences, too many leads) or the adapter's `CrmApiError`; a failed send records nothing.
 */
export async function sendAudienceToCrm(
  db: CrmSegmentsDB,
  campaignId: string,
  ports: { fetchFn: FetchFn; clock: () => number },
): Promise<AudienceSendReport> {
  const { campaign, audience, leads } = await loadCampaignAudience(db, campaignId);
  const found = findAdapterForCrmKey(campaign.crmKey);
  if (!found) throw new CampaignOperationError(`No connected CRM handles campaign “${campaign.name}” (${campaign.crmKey}).`);
  const { adapter, origin } = found;
  if (!adapter.sendCampaignAudience) throw new CampaignOperationError(`${adapter.label} cannot receive audiences from CRM Segments.`);
  const crmIds = [
    ...new Set(leads.filter((lead) => lead.crmKey === campaign.crmKey && audienceExclusion(campaign, lead) === null).map((lead) => lead.crmId)),
  ];
  if (crmIds.length > MAX_AUDIENCE_IDS) {
    throw new CampaignOperationError(`The audience has ${crmIds.length} leads; at most ${MAX_AUDIENCE_IDS} can be sent at once.`);
  }
  const { stored } = await adapter.sendCampaignAudience(origin, campaign.id, crmIds, ports.fetchFn);
  const sentAt = ports.clock();
  await recordCampaignSend(db, campaign.id, { sentAt, count: stored, fingerprint: audienceFingerprint(audience.leadIds) });
  return { campaignId: campaign.id, sent: stored, sentAt, excluded: audience.excluded, doNotEmail: audience.doNotEmail };
}
