import { useState } from 'preact/hooks';
import { Dialog } from '../../../components/dialog';
import { useBackground } from '../../../components/background-context';

/** Props of {@link DeleteAllDialog}. */
export interface DeleteAllDialogProps {
  onDone(message: { tone: 'ok' | 'error'; text: string }): void;
  onClose(): void;
}

/** The word the user types to confirm "Delete all data". */
export const DELETE_CONFIRMATION = 'DELETE';

/** "Delete all data": enabled only once the user has typed DELETE. */
export function DeleteAllDialog({ onDone, onClose }: DeleteAllDialogProps) {
  const send = useBackground();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const answer = await send('deleteAllData', { confirmation: DELETE_CONFIRMATION });
    onDone(answer.ok ? { tone: 'ok', text: 'All data was deleted.' } : { tone: 'error', text: `Could not delete the data: ${answer.error}` });
  };
  return (
    <Dialog
      title="Delete all data?"
      tone="danger"
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button button-ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" class="button button-danger" onClick={() => void confirm()} disabled={busy || typed !== DELETE_CONFIRMATION}>
            {busy ? 'Deleting…' : 'Delete all data'}
          </button>
        </>
      }
    >
      <p>This deletes every stored lead, segment, membership, history row, campaign link, custom field and setting in this browser. It cannot be undone: export a backup first if you may need it.</p>
      <label class="field">
        <span>Type {DELETE_CONFIRMATION} to confirm</span>
        <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" data-autofocus />
      </label>
    </Dialog>
  );
}
