import { useState } from 'preact/hooks';
import type { SyncStatus } from '../../../lib/messaging/protocol';
import { useBackground } from '../../../components/background-context';
import { Dialog } from '../../../components/dialog';
import { formatCount, formatNumber } from '../../../lib/format/number';

/** Props of {@link RemovalConfirmDialog}. */
export interface RemovalConfirmDialogProps {
  pending: NonNullable<SyncStatus['pendingRemoval']>;
  /** Called after the answer was recorded (or the dialog was dismissed for now). */
  onDone: (message?: string) => void;
}

/**
 * Asks before a sync removes more than 10% of a CRM's stored leads (issue 9 item 1), naming the
 * number. "Remove N leads" sends resolveSyncRemoval {remove: true}; "Keep them" {remove: false}.
 * Escape only postpones the question (it is asked again when the popup opens).
 */
export function RemovalConfirmDialog({ pending, onDone }: RemovalConfirmDialogProps) {
  const send = useBackground();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = formatNumber(pending.count);
  const noun = pending.count === 1 ? 'lead' : 'leads';

  const answer = async (remove: boolean) => {
    setBusy(true);
    setError(null);
    const result = await send('resolveSyncRemoval', { remove });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone(remove ? `Removed ${formatNumber(result.data.deleted)} ${result.data.deleted === 1 ? 'lead' : 'leads'}.` : `Kept ${count} ${noun}.`);
  };

  return (
    <Dialog
      title={`Remove ${count} ${noun}?`}
      tone="danger"
      busy={busy}
      onClose={() => onDone()}
      actions={
        <>
          <button type="button" class="button button-ghost" data-autofocus onClick={() => answer(false)} disabled={busy}>
            Keep them
          </button>
          <button type="button" class="button button-danger" onClick={() => answer(true)} disabled={busy} aria-busy={busy || undefined}>
            Remove {count} {noun}
          </button>
        </>
      }
    >
      <p>
        The last sync no longer received {count} of the {formatCount(pending.of, 'lead', 'leads')} stored from this CRM. Remove them from
        CRM Segments and from every segment? Keep them if the CRM may have answered incompletely.
      </p>
      {error && (
        <p class="banner banner-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
