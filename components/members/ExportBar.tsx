import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isDoNotEmail } from '../../lib/campaigns/audience';
import { csvFileName } from '../../lib/export/csv';
import { memberEmails, membersCsv } from '../../lib/export/members-csv';
import type { MemberColumn } from '../../lib/format/member-columns';
import { copyText, downloadTextFile } from './file-actions';
import { useFormatter } from './formatter-context';
import { rowsArray, type MemberRows } from './member-rows';

/** Which members an export covers. */
export type ExportScope = 'shown' | 'all';

/** Props of {@link ExportBar}. */
export interface ExportBarProps {
  segmentName: string;
  /** Members currently shown (after search and filters), in table order. */
  shown: MemberRows;
  /** Every member of the segment, in table order. */
  all: MemberRows;
  /** The table's columns: the export has exactly these, in this order. */
  columns: readonly MemberColumn[];
  /** True while members are still being read: exports wait until every member is there. */
  loading?: boolean;
  /** Saves the file; defaults to an `<a download>` with a Blob URL (tests pass a fake). */
  download?: (fileName: string, text: string) => void;
  /** Copies text; defaults to the clipboard (tests pass a fake). */
  copy?: (text: string) => Promise<void>;
}

/**
 * Export toolbar (issue 5 §4): "Export CSV" saves the members shown or all members (the "Export
 * scope" choice) with the table's columns as `{segment-name}-{YYYY-MM-DD}.csv` (UTF-8 with BOM,
 * formula cells neutralised, docs/semantics.md §9); "Copy emails" copies their distinct email addresses, one
 * per line, leaving out members tagged do-not-email with a warning that says how many (as the
 * popup's campaign tab does). The outcome is announced in a status line.
 */
export function ExportBar({ segmentName, shown, all, columns, loading = false, download = downloadTextFile, copy = copyText }: ExportBarProps) {
  const formatter = useFormatter();
  const [scope, setScope] = useState<ExportScope>('shown');
  const [message, setMessage] = useState<{ tone: 'ok' | 'warning' | 'error'; text: string } | undefined>();
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chosen = scope === 'all' ? all : shown;
  const count = (n: number, one: string, many: string) => `${formatter.number(n)} ${n === 1 ? one : many}`;
  const emptyId = useId();
  // Nothing to export or copy: the buttons are disabled and say why (title and aria-describedby).
  const empty =
    loading || chosen.length > 0
      ? undefined
      : all.length === 0
        ? 'No members to export: this segment has no members yet.'
        : 'No members shown: change the search or filters, or choose All.';

  useEffect(() => () => clearTimeout(clearTimer.current), []);

  const announce = (tone: 'ok' | 'warning' | 'error', text: string) => {
    setMessage({ tone, text });
    clearTimeout(clearTimer.current);
    if (tone === 'ok') clearTimer.current = setTimeout(() => setMessage(undefined), 6000);
  };

  const exportCsv = () => {
    try {
      const rows = rowsArray(chosen);
      const { timeZone } = formatter.context;
      const fileName = csvFileName(segmentName, Date.now(), timeZone);
      download(fileName, membersCsv(rows, columns, timeZone));
      announce('ok', `Exported ${count(rows.length, 'member', 'members')} to ${fileName}`);
    } catch (error) {
      announce('error', `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const copyEmails = async () => {
    const rows = rowsArray(chosen);
    const doNotEmail = rows.filter((row) => isDoNotEmail(row.lead) && row.lead.email?.trim());
    const emails = memberEmails(doNotEmail.length > 0 ? rows.filter((row) => !isDoNotEmail(row.lead)) : rows);
    const leftOut = doNotEmail.length > 0 ? `${count(doNotEmail.length, 'member is', 'members are')} tagged do-not-email and left out` : '';
    if (emails.length === 0) {
      announce('error', leftOut ? `No email addresses to copy: ${leftOut}.` : 'No email addresses to copy.');
      return;
    }
    try {
      await copy(emails.join('\n'));
      const copied = `Copied ${count(emails.length, 'email', 'emails')} to the clipboard`;
      if (leftOut) announce('warning', `${copied}. Not included — do not email them: ${leftOut}.`);
      else announce('ok', copied);
    } catch (error) {
      announce('error', `Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div class="export-bar">
      <div class="export-controls">
        <select
          class="select select-small"
          aria-label="Export scope"
          value={scope}
          onChange={(event) => setScope((event.currentTarget as HTMLSelectElement).value as ExportScope)}
        >
          <option value="shown">Shown ({formatter.number(shown.length)})</option>
          <option value="all">All ({formatter.number(all.length)})</option>
        </select>
        <button
          type="button"
          class="button button-small button-primary"
          onClick={exportCsv}
          disabled={columns.length === 0 || loading || empty !== undefined}
          aria-describedby={empty ? emptyId : undefined}
          title={loading ? 'Available once every member is loaded' : (empty ?? "Download the chosen members with the table's columns as a CSV file")}
        >
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path
              d="M8 2.5v7.5M4.8 7 8 10.2 11.2 7M3 12.5h10"
              fill="none"
              stroke="currentColor"
              stroke-width="1.6"
              stroke-linecap="round"
              stroke-linejoin="round"
            />
          </svg>
          Export CSV
        </button>
        <button
          type="button"
          class="button button-small"
          onClick={copyEmails}
          disabled={loading || empty !== undefined}
          aria-describedby={empty ? emptyId : undefined}
          title={loading ? 'Available once every member is loaded' : (empty ?? 'Copy the chosen members’ email addresses (members tagged do-not-email are left out)')}
        >
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path d="M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
          </svg>
          Copy emails
        </button>
      </div>
      {empty && (
        <p id={emptyId} class="export-empty">
          {empty}
        </p>
      )}
      <p class={`export-status${message ? ` is-${message.tone}` : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
