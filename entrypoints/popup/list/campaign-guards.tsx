import { useState } from 'preact/hooks';
import type { Campaign, Segment } from '../../../lib/schema';
import { ACTIVATE_FIRST } from '../../../lib/campaigns/campaign-targets';
import type { MenuItem } from '../../../components/menu-button';
import { DeactivateDialog } from './deactivate-dialog';

/** What {@link useCampaignGuards} needs from the segment row. */
export interface CampaignGuardOptions {
  segment: Segment;
  /** Whether the row shows the segment as active (optimistic state included). */
  active: boolean;
  /** Active campaigns that target the segment. */
  activeCampaigns: readonly Campaign[];
  onUseInCampaign?: (segment: Segment) => void;
  /** Shows a refusal on the row. */
  onRefused: (text: string) => void;
  /** Deactivates without asking again. */
  deactivate: () => void;
}

/**
 * The segment row's campaign parts (issue 8): the "Use in campaign" menu item (an inactive
 * segment gets "Activate the segment first" instead), and the confirmation that names the active
 * campaigns before a segment they use is deactivated (docs/semantics.md §5).
 */
export function useCampaignGuards({ segment, active, activeCampaigns, onUseInCampaign, onRefused, deactivate }: CampaignGuardOptions) {
  const [confirming, setConfirming] = useState(false);
  const menuItems: MenuItem[] = onUseInCampaign
    ? [
        {
          id: 'use-in-campaign',
          label: 'Use in campaign',
          hint: 'Target a CRM campaign',
          onSelect: () => (active ? onUseInCampaign(segment) : onRefused(ACTIVATE_FIRST)),
        },
      ]
    : [];
  /** True when deactivating must wait for the confirmation, which is then shown. */
  const deactivationNeedsConfirmation = (): boolean => {
    if (activeCampaigns.length === 0) return false;
    setConfirming(true);
    return true;
  };
  const dialog = confirming && (
    <DeactivateDialog
      segment={segment}
      activeCampaigns={activeCampaigns}
      onCancel={() => setConfirming(false)}
      onConfirm={() => {
        setConfirming(false);
        deactivate();
      }}
    />
  );
  return { menuItems, deactivationNeedsConfirmation, dialog };
}
