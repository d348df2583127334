import { useState } from 'preact/hooks';
import { Dialog } from '../../../components/dialog';
import { useBackground } from '../../../components/background-context';
import type { Backup, BackupSummary } from '../../../lib/db/backup';
import { restoreThroughBackground } from './backup-transfer';
import { formatNumber } from '../../../lib/format/number';
import { backupContents, backupContentsText } from './table-names';

/** Props of {@link RestoreDialog}. */
export interface RestoreDialogProps {
  fileName: string;
  backup: Backup;
  summary: BackupSummary;
  onDone(message: { tone: 'ok' | 'error'; text: string }): void;
  onClose(): void;
}

/** Preview of a backup (when it was made, rows per table) and the confirmation to restore it. */
export function RestoreDialog({ fileName, backup, summary, onDone, onClose }: RestoreDialogProps) {
  const send = useBackground();
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const restore = async () => {
    setProgress({ sent: 0, total: 0 });
    const result = await restoreThroughBackground(send, backup, (sent, total) => setProgress({ sent, total }));
    onDone(
      result.ok
        ? { tone: 'ok', text: `Restored the backup of ${new Date(result.summary.exportedAt).toLocaleString()}: ${backupContentsText(result.summary)}.` }
        : { tone: 'error', text: `Could not restore the backup: ${result.error}` },
    );
  };
  const busy = progress !== null;
  return (
    <Dialog
      title="Restore this backup?"
      tone="danger"
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button button-ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" class="button button-danger" onClick={() => void restore()} disabled={busy} data-autofocus>
            {busy ? 'Restoring…' : 'Replace all data'}
          </button>
        </>
      }
    >
      <p>
        <bdi>{fileName}</bdi> was made on {new Date(summary.exportedAt).toLocaleString()}. Restoring it replaces everything stored now; nothing is
        changed if any part of it is invalid.
      </p>
      <table class="options-table" aria-label="Backup contents">
        <tbody>
          {backupContents(summary).map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label}</th>
              <td>{formatNumber(line.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress && progress.total > 0 && (
        <progress aria-label="Restore progress" max={progress.total} value={progress.sent} />
      )}
    </Dialog>
  );
}
