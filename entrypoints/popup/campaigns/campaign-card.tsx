import { useId, useState } from 'preact/hooks';
import type { Campaign, CustomFieldDef, Segment } from '../../../lib/schema';
import type { CampaignSend } from '../../../lib/db';
import { loadAudienceOf } from '../../../lib/campaigns/audience-store';
import { isEmailCampaign } from '../../../lib/campaigns/audience';
import { campaignStatusLabel } from '../../../lib/format/campaign-labels';
import { safeColor } from '../../../lib/format/color';
import { useBackground } from '../../../components/background-context';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { AudienceActions } from './audience-actions';
import { formatCount, formatNumber } from '../../../lib/format/number';

/** Props of {@link CampaignCard}. */
export interface CampaignCardProps {
  campaign: Campaign;
  /** Every stored segment (the campaign's `segmentIds` are looked up here). */
  segments: readonly Segment[];
  /** Every campaign (for the export's Campaigns column). */
  campaigns: readonly Campaign[];
  customFields: readonly CustomFieldDef[];
  /** What "Send audience to CRM" last sent, if anything. */
  lastSend?: CampaignSend;
}

/** "Email", "SMS", … for a channel, or "" when the CRM did not say. */
const CHANNEL_LABELS: Readonly<Record<string, string>> = { email: 'Email', sms: 'SMS', chat: 'Chat', webinar: 'Webinar', other: 'Other channel' };

/**
 * One campaign (issue 8): a `listitem` named by the campaign name, with its status and channel,
 * the segments that target it (each can be detached), its audience as "N leads in audience"
 * (live: it follows membership changes), what was left out and why, and the audience actions.
 */
export function CampaignCard({ campaign, segments, campaigns, customFields, lastSend }: CampaignCardProps) {
  const db = useDb();
  const send = useBackground();
  const nameId = useId();
  const [detachError, setDetachError] = useState<string | null>(null);
  const campaignKey = JSON.stringify(campaign);
  // Re-runs when a targeted segment's memberships, the leads read or the campaign row change.
  const loaded = useLiveQuery(() => loadAudienceOf(db, campaign), [db, campaignKey]);
  const audience = loaded.data?.audience;
  const targeting = campaign.segmentIds.map((id) => segments.find((s) => s.id === id)).filter((s): s is Segment => s !== undefined);
  const name = campaign.name || campaign.id;

  const detach = async (segment: Segment) => {
    setDetachError(null);
    const answer = await send('detachSegmentFromCampaign', { campaignId: campaign.id, segmentId: segment.id });
    if (!answer.ok) setDetachError(`Could not detach “${segment.name}”: ${answer.error}`);
  };

  return (
    <li class={`campaign-card status-${campaign.status}`} aria-labelledby={nameId}>
      <div class="campaign-head">
        <h3 id={nameId} class="campaign-name">
          {name}
        </h3>
        <span class={`campaign-status is-${campaign.status}`}>{campaignStatusLabel(campaign.status)}</span>
      </div>
      {campaign.channel && <p class="campaign-channel">{CHANNEL_LABELS[campaign.channel] ?? campaign.channel} campaign</p>}

      <p class="audience-count" aria-live="polite" aria-busy={loaded.data === undefined || undefined}>
        {audience ? `${formatNumber(audience.leadIds.length)} leads in audience` : loaded.error ? 'Audience unavailable' : 'Counting audience…'}
      </p>
      {loaded.error && (
        <p class="row-message is-error" role="alert">
          Could not read the audience: {loaded.error.message}
        </p>
      )}
      {audience && (audience.excluded > 0 || audience.doNotEmail > 0) && (
        <p class="audience-left-out">
          Left out:{' '}
          {[
            audience.excluded > 0 ? `${formatCount(audience.excluded, 'lead', 'leads')} excluded from this campaign` : '',
            audience.doNotEmail > 0 ? `${formatCount(audience.doNotEmail, 'lead', 'leads')} tagged do-not-email` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}

      <div class="campaign-segments">
        <p class="campaign-segments-label">{targeting.length === 0 ? 'No segments target this campaign yet.' : 'Targeted by'}</p>
        {targeting.length === 0 ? (
          <p class="campaign-hint">Choose “Use in campaign” in a segment’s Actions menu.</p>
        ) : (
          <ul class="campaign-segment-list" aria-label={`Segments targeting ${name}`}>
            {targeting.map((segment) => (
              <li key={segment.id} class={`campaign-segment${segment.status === 'active' ? '' : ' is-inactive'}`}>
                <span class="segment-color" style={{ backgroundColor: safeColor(segment.color) }} aria-hidden="true" />
                <span class="campaign-segment-name" title={segment.name}>
                  {segment.name}
                </span>
                <span class="campaign-segment-meta">
                  {segment.status === 'active' ? formatCount(segment.memberCount, 'member', 'members') : 'Inactive — not in audience'}
                </span>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Detach ${segment.name} from ${name}`}
                  title="Stop targeting this campaign"
                  onClick={() => void detach(segment)}
                >
                  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                    <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
        )}
        {detachError && (
          <p class="row-message is-error" role="alert">
            {detachError}
          </p>
        )}
      </div>

      <AudienceActions
        campaign={campaign}
        loaded={loaded.data}
        emailCampaign={isEmailCampaign(campaign)}
        campaigns={campaigns}
        customFields={customFields}
        lastSend={lastSend}
      />
    </li>
  );
}
