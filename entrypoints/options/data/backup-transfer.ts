import { countBackupRows, exportBackup, type Backup, type CrmSegmentsDB } from '../../../lib/db';
import type { SendToBackground } from '../../../lib/messaging/client';
import type { BackupSummary } from '../../../lib/db/backup';

/** Rows per `stageBackupRows` message (the message allows 5,000). */
const ROWS_PER_MESSAGE = 2000;

/** File name of a backup made at `now`: "crm-segments-backup-2026-12-01.json". */
export function backupFileName(now: number): string {
  return `crm-segments-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * The JSON in a chosen backup file, or why it cannot be read: a file that starts like a backup but
 * does not parse (usually cut off while saving or copying) is called incomplete, anything else not a backup.
 */
export function readBackupJson(fileName: string, text: string): { raw: unknown } | { error: string } {
  try {
    return { raw: JSON.parse(text) as unknown };
  } catch {
    return text.trimStart().startsWith('{')
      ? { error: `${fileName} is not a complete backup file: it ends too early or is damaged.` }
      : { error: `${fileName} is not a CRM Segments backup (made with "Export backup").` };
  }
}

/** Reads every table (one consistent snapshot) and downloads it as a JSON backup file. */
export async function downloadBackup(db: CrmSegmentsDB, now: number): Promise<{ contents: Pick<BackupSummary, 'counts' | 'memberships'>; bytes: number }> {
  const backup = await exportBackup(db, now);
  const blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = backupFileName(now);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { contents: countBackupRows(backup.tables), bytes: blob.size };
}

/**
 * Sends a (validated) backup to the background in parts and asks it to restore it: it checks the
 * whole backup again and replaces every table in one transaction, or changes nothing.
 * `onProgress` gets the rows sent so far.
 */
export async function restoreThroughBackground(
  send: SendToBackground,
  backup: Backup,
  onProgress: (sent: number, total: number) => void,
): Promise<{ ok: true; summary: BackupSummary } | { ok: false; error: string }> {
  const token = crypto.randomUUID();
  const total = Object.values(backup.tables).reduce((sum, rows) => sum + rows.length, 0);
  let sent = 0;
  for (const [table, rows] of Object.entries(backup.tables)) {
    for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_MESSAGE) {
      const part = rows.slice(start, start + ROWS_PER_MESSAGE);
      const answer = await send('stageBackupRows', { token, table, rows: part });
      if (!answer.ok) return { ok: false, error: answer.error };
      sent += part.length;
      onProgress(sent, total);
      if (rows.length === 0) break;
    }
  }
  const { format, version, dbVersion, exportedAt } = backup;
  const answer = await send('restoreBackup', { token, header: { format, version, dbVersion, exportedAt } });
  return answer.ok ? { ok: true, summary: answer.data } : { ok: false, error: answer.error };
}

/** "12.3 MB" (1,000-based units, as the browser's storage settings show them). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
