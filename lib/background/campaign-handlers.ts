/** Background handlers of the campaign messages (issue 8); the service spreads them into its handlers. */
import type { FetchFn } from '../adapters/types';
import { loadCampaignAudience } from '../campaigns/audience-store';
import { attachSegmentToCampaign, detachSegmentFromCampaign } from '../campaigns/campaign-targets';
import { sendAudienceToCrm } from '../campaigns/send-audience';
import type { CrmSegmentsDB } from '../db';
import type { MessageHandlers } from '../messaging/router';

type CampaignMessage = 'attachSegmentToCampaign' | 'detachSegmentFromCampaign' | 'getCampaignAudience' | 'sendCampaignAudience';

/** Handlers for attaching/detaching segments, reading a campaign's audience and sending it to the CRM. */
export function createCampaignHandlers(ports: { db: CrmSegmentsDB; fetchFn: FetchFn; clock: () => number }): Pick<MessageHandlers, CampaignMessage> {
  const { db } = ports;
  return {
    attachSegmentToCampaign: ({ campaignId, segmentId }) => attachSegmentToCampaign(db, campaignId, segmentId),
    detachSegmentFromCampaign: ({ campaignId, segmentId }) => detachSegmentFromCampaign(db, campaignId, segmentId),
    async getCampaignAudience({ campaignId }) {
      const { audience } = await loadCampaignAudience(db, campaignId);
      return {
        campaignId,
        count: audience.leadIds.length,
        segmentMembers: audience.segmentMembers,
        excluded: audience.excluded,
        doNotEmail: audience.doNotEmail,
      };
    },
    sendCampaignAudience: ({ campaignId }) => sendAudienceToCrm(db, campaignId, ports),
  };
}
