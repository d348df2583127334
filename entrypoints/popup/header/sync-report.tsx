import type { SyncReport } from '../../../lib/messaging/protocol';
import { Dialog } from '../../../components/dialog';
import './sync-report.css';
import { formatCount, formatNumber, pluralWord } from '../../../lib/format/number';

/** Props of {@link SyncReportDialog}. */
export interface SyncReportDialogProps {
  report: SyncReport;
  onClose: () => void;
}

/** One "label: count" line of the report, left out when the count is 0 or unknown (unless `always`). */
function Figure({ label, value, always }: { label: string; value: number | undefined; always?: boolean }) {
  if (!always && !value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{formatNumber(value ?? 0)}</dd>
    </>
  );
}

/**
 * The last "Sync all" report (issue 9 item 1): counts, why the sync was incomplete (no lead removed
 * then), and every skipped record with its reason. Record references come from the CRM: rendered
 * as isolated text.
 */
export function SyncReportDialog({ report, onClose }: SyncReportDialogProps) {
  const finished = new Date(report.finishedAt).toLocaleString();
  return (
    <Dialog
      title="Last sync report"
      onClose={onClose}
      actions={
        <button type="button" class="button button-primary" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p class="muted">Finished {finished}.</p>
      {report.incompleteReason && (
        <div class="banner banner-warning" role="note">
          <p>
            Incomplete sync: <bdi>{report.incompleteReason}</bdi> No lead was removed.
          </p>
        </div>
      )}
      {report.pendingRemoval ? (
        <div class="banner banner-warning" role="note">
          <p>
            {formatCount(report.pendingRemoval, 'lead the CRM no longer lists waits', 'leads the CRM no longer lists wait')} for your confirmation
            before {pluralWord(report.pendingRemoval, 'it is', 'they are')} removed.
          </p>
        </div>
      ) : null}
      <dl class="sync-report-figures">
        <Figure label="Received from the CRM" value={report.received} always />
        <Figure label="New or changed" value={report.stored} always />
        <Figure label="Unchanged" value={report.unchanged} always />
        <Figure label="Removed" value={report.deleted} always />
        <Figure label="Not returned by the CRM, kept" value={report.kept} />
        <Figure label="Skipped" value={report.skipped.length} always />
        <Figure label="Partial records (stored values kept)" value={report.partialRecords} />
        <Figure label="Unreadable values left empty" value={report.nulledValues} />
        <Figure label="Values too long, stored truncated" value={report.truncatedValues} />
      </dl>
      {report.skipped.length > 0 && (
        <>
          <h3 class="sync-report-heading">Skipped records</h3>
          <ul class="sync-report-skipped" aria-label="Skipped records">
            {report.skipped.map((skipped, i) => (
              <li key={`${skipped.ref}-${i}`}>
                <bdi class="sync-report-ref">{skipped.ref}</bdi>: <bdi>{skipped.reason}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
