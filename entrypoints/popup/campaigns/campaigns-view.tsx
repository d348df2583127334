import { useId } from 'preact/hooks';
import type { Campaign, CustomFieldDef, Segment } from '../../../lib/schema';
import { getCampaignSends } from '../../../lib/db';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { CampaignCard } from './campaign-card';
import './campaigns.css';

/** Props of {@link CampaignsView}. */
export interface CampaignsViewProps {
  campaigns: readonly Campaign[];
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
}

const STATUS_ORDER: Readonly<Record<Campaign['status'], number>> = { active: 0, draft: 1, paused: 2, completed: 3 };

/**
 * The "Campaigns" view of the popup (issue 8): one `listitem` per CRM campaign (active first, then
 * by name) with its status, the segments that target it and its live audience; an empty state
 * when no campaigns were synced yet.
 */
export function CampaignsView({ campaigns, segments, customFields }: CampaignsViewProps) {
  const db = useDb();
  const titleId = useId();
  const sends = useLiveQuery(() => getCampaignSends(db), [db]);
  const sorted = [...campaigns].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name));

  if (campaigns.length === 0) {
    return (
      <section class="empty-state" aria-labelledby={titleId}>
        <h2 id={titleId} class="empty-title">
          No campaigns yet
        </h2>
        <p class="empty-text">
          Campaigns come from your CRM with your leads. Open your CRM and use “Sync all” above; then point segments at a campaign
          with “Use in campaign”.
        </p>
      </section>
    );
  }

  return (
    <section class="campaigns" aria-labelledby={titleId}>
      <div class="toolbar">
        <h2 id={titleId} class="toolbar-title">
          Campaigns <span class="count-pill">{campaigns.length}</span>
        </h2>
      </div>
      <p class="campaigns-hint">Audience = members of the campaign’s active segments, without leads excluded from it.</p>
      <ul class="campaign-cards" aria-labelledby={titleId}>
        {sorted.map((campaign) => (
          <CampaignCard
            key={campaign.id}
            campaign={campaign}
            segments={segments}
            campaigns={campaigns}
            customFields={customFields}
            lastSend={sends.data?.[campaign.id]}
          />
        ))}
      </ul>
    </section>
  );
}
