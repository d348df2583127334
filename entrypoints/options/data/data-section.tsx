import { useEffect, useState } from 'preact/hooks';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { parseBackup, storedLeadCount, type Backup, type BackupSummary } from '../../../lib/db';
import { downloadBackup, formatBytes, readBackupJson } from './backup-transfer';
import { DeleteAllDialog } from './delete-all-dialog';
import { RestoreDialog } from './restore-dialog';
import { useDataEpoch } from '../options-message';
import { backupContentsText } from './table-names';

type Message = { tone: 'ok' | 'error'; text: string };
type Pending = { fileName: string; backup: Backup; summary: BackupSummary };

/**
 * Data management (issue 11): storage used and quota, export a full backup, restore one (with a
 * preview, all or nothing), and delete all data after a typed confirmation.
 */
export function DataSection() {
  const db = useDb();
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [refreshed, setRefreshed] = useState(0);
  // Re-estimate whenever the number of stored leads changes (imports, syncs, restores).
  const leadCount = useLiveQuery(() => storedLeadCount(db), [db]).data;

  useEffect(() => {
    void navigator.storage
      ?.estimate()
      .then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }))
      .catch(() => setEstimate(null));
  }, [refreshed, leadCount]);

  const { replaced } = useDataEpoch();
  const finish = (result: Message) => {
    // Every stored row was deleted or replaced: the other sections' result lines no longer apply.
    if (result.tone === 'ok') replaced();
    setMessage(result);
    setPending(null);
    setDeleting(false);
    setRefreshed((n) => n + 1);
  };

  const exportNow = async () => {
    setMessage(null);
    try {
      const { contents, bytes } = await downloadBackup(db, Date.now());
      setMessage({ tone: 'ok', text: `Backup saved (${formatBytes(bytes)}): ${backupContentsText(contents)}.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not export the backup: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const chooseBackup = async (file: File) => {
    setMessage(null);
    const json = readBackupJson(file.name, await file.text());
    if ('error' in json) {
      setMessage({ tone: 'error', text: json.error });
      return;
    }
    const parsed = parseBackup(db, json.raw);
    if ('error' in parsed) setMessage({ tone: 'error', text: parsed.error });
    else setPending({ fileName: file.name, backup: json.raw as Backup, summary: parsed.summary });
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and data</h2>
      <p>
        {estimate
          ? `${formatBytes(estimate.usage)} used of ${formatBytes(estimate.quota)} available to the extension.`
          : 'Storage use is not available in this browser.'}
      </p>
      <div class="import-actions">
        <button type="button" class="button button-secondary" onClick={() => void exportNow()}>
          Export backup
        </button>
        <label class="button button-secondary data-file-button">
          Restore backup…
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Backup file"
            class="sr-only"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void chooseBackup(file);
            }}
          />
        </label>
        <button type="button" class="button button-danger" onClick={() => setDeleting(true)}>
          Delete all data…
        </button>
      </div>
      {message && (
        <p class={message.tone === 'error' ? 'options-error' : 'options-ok'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {pending && <RestoreDialog {...pending} onDone={finish} onClose={() => setPending(null)} />}
      {deleting && <DeleteAllDialog onDone={finish} onClose={() => setDeleting(false)} />}
    </section>
  );
}
