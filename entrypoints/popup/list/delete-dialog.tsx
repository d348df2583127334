import { useState } from 'preact/hooks';
import type { Campaign, Segment } from '../../../lib/schema';
import { useBackground } from '../../../components/background-context';
import { Dialog } from '../../../components/dialog';
import { CampaignsUsingBanner } from './campaigns-banner';
import { formatCount } from '../../../lib/format/number';

/** Props of {@link DeleteDialog}. */
export interface DeleteDialogProps {
  segment: Segment;
  /** Active campaigns that target the segment (docs/semantics.md §5): named so the user knows what changes. */
  activeCampaigns: readonly Campaign[];
  /** Called when the dialog closes; `deleted` is true after a successful delete. */
  onClose: (deleted: boolean) => void;
}

/**
 * Confirms deleting a segment (issue 4 §3, docs/semantics.md §5): says what goes (memberships, history) and
 * what stays (leads), names the active campaigns that use it, and sends deleteSegment on
 * "Delete segment". Errors stay in the dialog.
 */
export function DeleteDialog({ segment, activeCampaigns, onClose }: DeleteDialogProps) {
  const send = useBackground();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const answer = await send('deleteSegment', { id: segment.id });
    setBusy(false);
    if (answer.ok) onClose(true);
    else setError(answer.error);
  };

  const count = activeCampaigns.length;
  return (
    <Dialog
      title={`Delete “${segment.name}”?`}
      tone="danger"
      busy={busy}
      onClose={() => onClose(false)}
      actions={
        <>
          <button type="button" class="button button-ghost" data-autofocus onClick={() => onClose(false)} disabled={busy}>
            Cancel
          </button>
          <button type="button" class="button button-danger" onClick={confirm} disabled={busy} aria-busy={busy || undefined}>
            Delete segment
          </button>
        </>
      }
    >
      {count > 0 && (
        <CampaignsUsingBanner campaigns={activeCampaigns}>{count === 1 ? 'It will' : 'They will'} no longer target it.</CampaignsUsingBanner>
      )}
      <p>
        Its {formatCount(segment.memberCount, 'membership', 'memberships')} and its history are removed. Your leads are not deleted. This cannot be undone.
      </p>
      {error && (
        <p class="field-error" role="alert">
          Could not delete: {error}
        </p>
      )}
    </Dialog>
  );
}
