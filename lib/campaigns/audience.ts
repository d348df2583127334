/**
 * A campaign's audience (docs/semantics.md §2): the union of the members of the campaign's active segments,
 * minus the leads whose entry for that campaign has `state: "excluded"`, and, for email
 * campaigns, minus the leads tagged `do-not-email`. Pure: no database, no browser APIs.
 */
import { normalizeText } from '../engine/text';
import type { Campaign, Lead } from '../schema';

/** The tag that keeps a lead out of every email campaign (docs/semantics.md §2, §6). */
export const DO_NOT_EMAIL_TAG = 'do-not-email';

/** A campaign's audience and what was left out of it. */
export interface CampaignAudience {
  /** Ids of the leads in the audience, ascending. */
  leadIds: string[];
  /** Distinct stored leads that are members of at least one of the campaign's active segments. */
  segmentMembers: number;
  /** Members left out because their entry for this campaign is `state: "excluded"`. */
  excluded: number;
  /** Members left out of an email campaign because they are tagged do-not-email (and not already excluded). */
  doNotEmail: number;
}

/** True for campaigns whose audience must leave out do-not-email leads. */
export function isEmailCampaign(campaign: Pick<Campaign, 'channel'>): boolean {
  return campaign.channel === 'email';
}

/** True when the lead carries the do-not-email tag (compared as text, docs/semantics.md §3 rule 3). */
export function isDoNotEmail(lead: Pick<Lead, 'tags'>): boolean {
  return lead.tags.some((tag) => normalizeText(tag) === DO_NOT_EMAIL_TAG);
}

/** True when the lead's entry for `campaignId` says `state: "excluded"`. */
export function isExcludedFrom(lead: Pick<Lead, 'campaigns'>, campaignId: string): boolean {
  return lead.campaigns.some((entry) => entry.campaignId === campaignId && entry.state === 'excluded');
}

/**
 * Why `lead` is left out of `campaign`'s audience although a segment targets it: "excluded",
 * "do-not-email" (email campaigns only), or null when it belongs in the audience.
 */
export function audienceExclusion(campaign: Pick<Campaign, 'id' | 'channel'>, lead: Pick<Lead, 'campaigns' | 'tags'>): 'excluded' | 'do-not-email' | null {
  if (isExcludedFrom(lead, campaign.id)) return 'excluded';
  if (isEmailCampaign(campaign) && isDoNotEmail(lead)) return 'do-not-email';
  return null;
}

/**
 * Computes `campaign`'s audience from the member lead ids of each of its active segments
 * (`memberLists`, one list per segment, any order, duplicates allowed) and `leadOf`, which
 * returns the stored lead for an id (undefined for a lead that no longer exists: not counted).
 */
export function computeAudience(
  campaign: Pick<Campaign, 'id' | 'channel'>,
  memberLists: Iterable<readonly string[]>,
  leadOf: (leadId: string) => Pick<Lead, 'campaigns' | 'tags'> | undefined,
): CampaignAudience {
  const union = new Set<string>();
  for (const list of memberLists) for (const id of list) union.add(id);
  const leadIds: string[] = [];
  let segmentMembers = 0;
  let excluded = 0;
  let doNotEmail = 0;
  for (const id of union) {
    const lead = leadOf(id);
    if (!lead) continue;
    segmentMembers++;
    const reason = audienceExclusion(campaign, lead);
    if (reason === 'excluded') excluded++;
    else if (reason === 'do-not-email') doNotEmail++;
    else leadIds.push(id);
  }
  leadIds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { leadIds, segmentMembers, excluded, doNotEmail };
}
