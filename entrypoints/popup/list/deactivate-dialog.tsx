import type { Campaign, Segment } from '../../../lib/schema';
import { Dialog } from '../../../components/dialog';
import { CampaignsUsingBanner } from './campaigns-banner';

/** Props of {@link DeactivateDialog}. */
export interface DeactivateDialogProps {
  segment: Segment;
  /** The active campaigns that target the segment (docs/semantics.md §5), named in the dialog. */
  activeCampaigns: readonly Campaign[];
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Confirms deactivating a segment that active campaigns use (issue 8, docs/semantics.md §5): names those
 * campaigns and says what changes (its members leave their audiences until it is active again).
 */
export function DeactivateDialog({ segment, activeCampaigns, onConfirm, onCancel }: DeactivateDialogProps) {
  const count = activeCampaigns.length;
  return (
    <Dialog
      title={`Deactivate “${segment.name}”?`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" class="button button-ghost" data-autofocus onClick={onCancel}>
            Cancel
          </button>
          <button type="button" class="button button-primary" onClick={onConfirm}>
            Deactivate segment
          </button>
        </>
      }
    >
      <CampaignsUsingBanner campaigns={activeCampaigns}>
        While the segment is inactive, its members are left out of {count === 1 ? 'that campaign’s audience' : 'their audiences'}.
      </CampaignsUsingBanner>
      <p>Its members stay frozen as they are now; activate it again to resume updates.</p>
    </Dialog>
  );
}
