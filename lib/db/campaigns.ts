import { CampaignSchema, type Campaign } from '../schema';
import type { CrmSegmentsDB } from './database';
import { validated, writeValidated } from './validation';

/** Every stored campaign. */
export function listCampaigns(db: CrmSegmentsDB): Promise<Campaign[]> {
  return db.campaigns.toArray();
}

/** One campaign, or `undefined`. */
export function getCampaign(db: CrmSegmentsDB, id: string): Promise<Campaign | undefined> {
  return db.campaigns.get(id);
}

/** Stores campaigns as given (validated); replaces rows with the same id. */
export function putCampaigns(db: CrmSegmentsDB, campaigns: readonly Campaign[]): Promise<void> {
  return writeValidated(CampaignSchema, campaigns, 'campaign', (rows) => db.campaigns.bulkPut(rows).then(() => undefined), undefined);
}

/**
 * Stores campaigns fetched from a CRM: name and status come from the CRM, while the
 * `segmentIds` already set in the extension are kept (docs/semantics.md §2). Validated before the write.
 */
export async function upsertCrmCampaigns(db: CrmSegmentsDB, campaigns: readonly Campaign[]): Promise<void> {
  const existing = await db.campaigns.bulkGet(campaigns.map((c) => c.id));
  const merged = campaigns.map((campaign, i) => ({ ...campaign, segmentIds: existing[i]?.segmentIds ?? campaign.segmentIds }));
  await putCampaigns(db, merged);
}

/**
 * Sets which segments target a campaign. Throws `Error` if the campaign does not exist and
 * `StoreValidationError` on an invalid row.
 */
export async function setCampaignSegmentIds(db: CrmSegmentsDB, campaignId: string, segmentIds: readonly string[]): Promise<Campaign> {
  const campaign = await db.campaigns.get(campaignId);
  if (!campaign) throw new Error(`Campaign ${campaignId} does not exist`);
  const row = validated(CampaignSchema, { ...campaign, segmentIds: [...new Set(segmentIds)] }, 'campaign');
  await db.campaigns.put(row);
  return row;
}

/** Campaigns whose `segmentIds` include the segment (any status). */
export async function campaignsTargeting(db: CrmSegmentsDB, segmentId: string): Promise<Campaign[]> {
  return (await db.campaigns.toArray()).filter((c) => c.segmentIds.includes(segmentId));
}

/** Removes a segment from every campaign's `segmentIds`; returns how many campaigns changed. */
export async function removeSegmentFromCampaigns(db: CrmSegmentsDB, segmentId: string): Promise<number> {
  const targeting = await campaignsTargeting(db, segmentId);
  await putCampaigns(
    db,
    targeting.map((c) => ({ ...c, segmentIds: c.segmentIds.filter((id) => id !== segmentId) })),
  );
  return targeting.length;
}
