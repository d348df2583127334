/**
 * Reads a campaign's audience from the store: member ids through `lib/db/memberships.ts`, leads
 * and segments through their repositories. Reads only, so the popup can run it in a live query
 * (the count then follows membership changes) and the background can run it before a send.
 */
import { getCampaign, getLeads, getSegments, memberIds, type CrmSegmentsDB } from '../db';
import type { Campaign, Lead, Segment } from '../schema';
import { computeAudience, type CampaignAudience } from './audience';

/** A campaign with its audience, the leads of that audience and the segments that target it. */
export interface LoadedAudience {
  campaign: Campaign;
  audience: CampaignAudience;
  /** The audience's leads, in `audience.leadIds` order. */
  leads: Lead[];
  /** The stored segments of `campaign.segmentIds`, in that order (ids of deleted segments skipped). */
  segments: Segment[];
}

/**
 * The audience of `campaign` (docs/semantics.md §2): only its ACTIVE segments count (an inactive segment stays
 * attached but does not target the campaign until it is activated again).
 */
export async function loadAudienceOf(db: CrmSegmentsDB, campaign: Campaign): Promise<LoadedAudience> {
  const segments = (await getSegments(db, campaign.segmentIds)).filter((s): s is Segment => s !== undefined);
  const memberLists = await Promise.all(segments.filter((s) => s.status === 'active').map((s) => memberIds(db, s.id)));
  const union = [...new Set(memberLists.flat())];
  const stored = await getLeads(db, union);
  const byId = new Map<string, Lead>();
  for (const lead of stored) if (lead) byId.set(lead.id, lead);
  const audience = computeAudience(campaign, memberLists, (id) => byId.get(id));
  return { campaign, audience, leads: audience.leadIds.map((id) => byId.get(id)!), segments };
}

/** {@link loadAudienceOf} by campaign id; throws `Error` when the campaign does not exist. */
export async function loadCampaignAudience(db: CrmSegmentsDB, campaignId: string): Promise<LoadedAudience> {
  const campaign = await getCampaign(db, campaignId);
  if (!campaign) throw new Error('This campaign no longer exists. Sync with your CRM to update the campaign list.');
  return loadAudienceOf(db, campaign);
}
