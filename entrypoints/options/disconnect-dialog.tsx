import { useState } from 'preact/hooks';
import { Dialog } from '../../components/dialog';
import { useBackground } from '../../components/background-context';
import type { CrmConnection } from '../../lib/db';
import { formatCount } from '../../lib/format/number';

/** Props of {@link DisconnectDialog}. */
export interface DisconnectDialogProps {
  connection: CrmConnection;
  /** Leads stored from it. */
  leadCount: number;
  /** Closes the dialog; `result` says what happened when it disconnected. */
  onClose: (result?: string) => void;
}

/**
 * Confirms disconnecting a CRM (issue 11 item 2) and asks what happens to its stored leads: keep
 * them (segments keep their members) or delete them with their memberships (through the
 * background, like any lead deletion).
 */
export function DisconnectDialog({ connection, leadCount, onClose }: DisconnectDialogProps) {
  const send = useBackground();
  const [busy, setBusy] = useState<'keep' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const leads = formatCount(leadCount, 'lead', 'leads');

  const disconnect = async (deleteLeads: boolean) => {
    setBusy(deleteLeads ? 'delete' : 'keep');
    setError(null);
    const answer = await send('disconnectCrm', { origin: connection.origin, deleteLeads });
    setBusy(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const deleted = answer.data.deleted;
    onClose(
      deleteLeads
        ? `Disconnected ${connection.origin} and deleted ${formatCount(deleted, 'lead', 'leads')}.`
        : `Disconnected ${connection.origin}. Its ${leads} stay stored.`,
    );
  };

  return (
    <Dialog
      title={`Disconnect ${connection.label}?`}
      tone="danger"
      busy={busy !== null}
      onClose={() => onClose()}
      actions={
        <>
          <button type="button" class="button button-ghost" disabled={busy !== null} onClick={() => onClose()} data-autofocus>
            Cancel
          </button>
          <button type="button" class="button button-secondary" disabled={busy !== null} onClick={() => void disconnect(false)}>
            {busy === 'keep' ? 'Disconnecting…' : 'Keep leads'}
          </button>
          <button type="button" class="button button-danger" disabled={busy !== null} onClick={() => void disconnect(true)}>
            {busy === 'delete' ? 'Deleting…' : 'Delete leads'}
          </button>
        </>
      }
    >
      <p>
        CRM Segments will stop syncing <bdi>{connection.origin}</bdi>, stop showing badges on its pages
        {connection.grantedPermission ? ' and give back its access to that site' : ''}.
      </p>
      <p>
        What should happen to the {leads} stored from it? <strong>Keep leads</strong>: segments keep them as members until you
        delete them. <strong>Delete leads</strong>: they leave every segment; this cannot be undone (sync again to get them back).
      </p>
      {error && (
        <p class="options-error" role="alert">
          Could not disconnect: {error}
        </p>
      )}
    </Dialog>
  );
}
