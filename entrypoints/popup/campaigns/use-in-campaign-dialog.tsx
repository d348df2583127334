import { useId, useState } from 'preact/hooks';
import type { Campaign, Segment } from '../../../lib/schema';
import { campaignStatusLabel } from '../../../lib/format/campaign-labels';
import { useBackground } from '../../../components/background-context';
import { Dialog } from '../../../components/dialog';

/** Props of {@link UseInCampaignDialog}. */
export interface UseInCampaignDialogProps {
  segment: Segment;
  campaigns: readonly Campaign[];
  /** Called when the dialog closes; `attachedTo` names the campaign after a successful attach. */
  onClose: (attachedTo?: Campaign) => void;
}

/**
 * "Use in campaign" (issue 8): pick one of the CRM's campaigns for the segment to target. Campaigns
 * it already targets and completed campaigns cannot be picked; the background refuses an inactive
 * segment ("Activate the segment first"), and any refusal stays in the dialog.
 */
export function UseInCampaignDialog({ segment, campaigns, onClose }: UseInCampaignDialogProps) {
  const send = useBackground();
  const groupId = useId();
  const available = (c: Campaign) => c.status !== 'completed' && !c.segmentIds.includes(segment.id);
  const sorted = [...campaigns].sort((a, b) => a.name.localeCompare(b.name));
  const [choice, setChoice] = useState<string | undefined>(() => sorted.find(available)?.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    const answer = await send('attachSegmentToCampaign', { campaignId: choice, segmentId: segment.id });
    setBusy(false);
    if (answer.ok) onClose(answer.data);
    else setError(answer.error);
  };

  return (
    <Dialog
      title={`Use “${segment.name}” in a campaign`}
      busy={busy}
      onClose={() => onClose()}
      actions={
        <>
          <button type="button" class="button button-ghost" onClick={() => onClose()} disabled={busy}>
            Cancel
          </button>
          <button type="button" class="button button-primary" onClick={() => void confirm()} disabled={busy || !choice} aria-busy={busy || undefined}>
            Use in campaign
          </button>
        </>
      }
    >
      {campaigns.length === 0 ? (
        <p>No campaigns yet. Campaigns come from your CRM: open it and use “Sync all”.</p>
      ) : (
        <>
          <p id={groupId}>Its members join the campaign’s audience (leads excluded from the campaign stay out).</p>
          <div class="campaign-choices" role="radiogroup" aria-labelledby={groupId}>
            {sorted.map((campaign) => {
              const already = campaign.segmentIds.includes(segment.id);
              return (
                <label key={campaign.id} class={`campaign-choice${available(campaign) ? '' : ' is-disabled'}`}>
                  <input
                    type="radio"
                    name="campaign"
                    value={campaign.id}
                    checked={choice === campaign.id}
                    disabled={!available(campaign) || busy}
                    data-autofocus={choice === campaign.id || undefined}
                    onChange={() => setChoice(campaign.id)}
                  />
                  <span class="campaign-choice-name">{campaign.name || campaign.id}</span>
                  <span class="campaign-choice-meta">
                    {already ? 'Already uses this segment' : campaignStatusLabel(campaign.status)}
                  </span>
                </label>
              );
            })}
          </div>
        </>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
