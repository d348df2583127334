/**
 * Which segments target a campaign (docs/semantics.md §2): attaching ("Use in campaign") and detaching. Only
 * active segments can be attached; the campaign row's `segmentIds` is written through
 * `lib/db/campaigns.ts`, which a re-sync from the CRM leaves as the extension set it.
 */
import { getCampaign, getSegment, setCampaignSegmentIds, writeTransaction, type CrmSegmentsDB } from '../db';
import type { Campaign } from '../schema';

/** The refusal when an inactive segment is attached (issue 8 contract text). */
export const ACTIVATE_FIRST = 'Activate the segment first';

/** A refused campaign change, with a plain-language message for the user. Nothing was written. */
export class CampaignOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CampaignOperationError';
  }
}

async function requireCampaign(db: CrmSegmentsDB, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(db, campaignId);
  if (!campaign) throw new CampaignOperationError('This campaign no longer exists. Sync with your CRM to update the campaign list.');
  return campaign;
}

/**
 * Makes segment `segmentId` target campaign `campaignId` (no-op when it already does). Throws
 * `CampaignOperationError`: unknown campaign or segment, the segment inactive
 * ({@link ACTIVATE_FIRST}), or the campaign completed.
 */
export function attachSegmentToCampaign(db: CrmSegmentsDB, campaignId: string, segmentId: string): Promise<Campaign> {
  return writeTransaction(db, ['campaigns', 'segments'], async () => {
    const campaign = await requireCampaign(db, campaignId);
    const segment = await getSegment(db, segmentId);
    if (!segment) throw new CampaignOperationError('This segment no longer exists.');
    if (segment.status !== 'active') throw new CampaignOperationError(ACTIVATE_FIRST);
    if (campaign.status === 'completed') {
      throw new CampaignOperationError(`“${campaign.name || campaign.id}” is completed: it takes no more segments.`);
    }
    if (campaign.segmentIds.includes(segmentId)) return campaign;
    return setCampaignSegmentIds(db, campaignId, [...campaign.segmentIds, segmentId]);
  });
}

/** Stops segment `segmentId` targeting campaign `campaignId` (no-op when it does not). Throws `CampaignOperationError` for an unknown campaign. */
export function detachSegmentFromCampaign(db: CrmSegmentsDB, campaignId: string, segmentId: string): Promise<Campaign> {
  return writeTransaction(db, ['campaigns', 'segments'], async () => {
    const campaign = await requireCampaign(db, campaignId);
    if (!campaign.segmentIds.includes(segmentId)) return campaign;
    return setCampaignSegmentIds(
      db,
      campaignId,
      campaign.segmentIds.filter((id) => id !== segmentId),
    );
  });
}
