import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { getMeta, setMeta } from './meta';

/** What "Send audience to CRM" last sent for one campaign. */
export const CampaignSendSchema = lazySchema(() => z.object({
  /** When the CRM accepted it (epoch ms). */
  sentAt: z.number().int().min(0),
  /** How many leads were sent. */
  count: z.number().int().min(0),
  /** {@link audienceFingerprint} of the sent lead ids: tells whether the audience changed since. */
  fingerprint: z.string(),
}));
export type CampaignSend = z.infer<typeof CampaignSendSchema>;

const CampaignSendsSchema = lazySchema(() => z.record(z.string(), CampaignSendSchema));

/** Meta key of the last audience send per campaign id. */
export const CAMPAIGN_SENDS_KEY = 'campaigns.audienceSends';

/** The last audience send of every campaign that has one, by campaign id (empty when none or unreadable). */
export function getCampaignSends(db: CrmSegmentsDB): Promise<Record<string, CampaignSend>> {
  return getMeta(db, CAMPAIGN_SENDS_KEY, CampaignSendsSchema, {});
}

/** Records a successful send for `campaignId` (validated; throws `StoreValidationError`). */
export async function recordCampaignSend(db: CrmSegmentsDB, campaignId: string, send: CampaignSend): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sends = await getCampaignSends(db);
    await setMeta(db, CAMPAIGN_SENDS_KEY, CampaignSendsSchema, { ...sends, [campaignId]: send });
  });
}

/**
 * A short fingerprint of a sorted list of lead ids (count and 32-bit FNV-1a hash, hex): equal
 * lists give equal fingerprints; a changed audience almost surely gives a different one.
 */
export function audienceFingerprint(sortedLeadIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of sortedLeadIds) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f; // separator, so ["ab"] and ["a","b"] differ
    hash = Math.imul(hash, 0x01000193);
  }
  return `${sortedLeadIds.length}:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
