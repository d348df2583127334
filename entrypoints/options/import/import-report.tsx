import { formatCount, formatNumber, pluralWord } from '../../../lib/format/number';
import { countsText, type ImportReport } from './csv-import-client';

/** Props of {@link ImportProgress}. */
export interface ImportProgressProps {
  report: ImportReport;
  fileSize: number;
  finished: boolean;
  onCancel(): void;
  onClose(): void;
}

const SKIPPED_SHOWN = 200;
const n = formatNumber;
const rows = (count: number) => formatCount(count, 'row', 'rows');

/**
 * Progress and report of an import: a progress bar over the file's bytes, Cancel, and one
 * `role="status"` line whose text ends with "N imported, N updated, N unchanged, N skipped" when
 * done (contract). Below: the skipped rows (row number and reason) and the unreadable values.
 */
export function ImportProgress({ report, fileSize, finished, onCancel, onClose }: ImportProgressProps) {
  const unreadable = report.unreadable.reduce((sum, c) => sum + c.count, 0);
  const lead = !finished
    ? `Importing… ${rows(report.rowsRead)} read:`
    : report.error
      ? `Import stopped after ${rows(report.rowsRead)}:`
      : report.cancelled
        ? // Rows read but still on their way to the store when Cancel came were not imported: count the handled ones.
          `Import cancelled after ${rows(report.imported + report.updated + report.unchanged + report.skipped.length)}:`
        : `Import finished, ${rows(report.rowsRead)}:`;
  return (
    <div class="import-progress">
      {/* Full only when the whole file was imported: a cancelled or stopped import shows how far it got. */}
      <progress aria-label="Import progress" max={Math.max(fileSize, 1)} value={finished && !report.cancelled && !report.error ? Math.max(fileSize, 1) : report.bytesRead} />
      <p role="status" class="import-status">
        {lead} {countsText(report)}
      </p>
      {finished && report.cancelled && !report.error && (
        <p class="hint">The leads imported before you cancelled are kept; importing the file again finishes it without making copies.</p>
      )}
      {report.error && (
        <p class="options-error" role="alert">
          {report.error} The rows before this point are stored; importing the file again continues where it stopped.
        </p>
      )}
      {finished && unreadable > 0 && (
        <div class="import-unreadable">
          <h4>
            {formatCount(unreadable, 'value', 'values')} could not be read and {pluralWord(unreadable, 'was', 'were')} left empty
          </h4>
          <ul>
            {report.unreadable.map((c) => (
              <li key={c.header}>
                <bdi>{c.header}</bdi>: {n(c.count)} (e.g.{' '}
                {c.examples.map((e, i) => (
                  <span key={i}>
                    {i > 0 && ', '}row {n(e.row)} "<bdi>{e.value}</bdi>"
                  </span>
                ))}
                )
              </li>
            ))}
          </ul>
        </div>
      )}
      {finished && report.skipped.length > 0 && (
        <div class="import-skipped">
          <h4>Skipped rows (row numbers as in a spreadsheet, the header is row 1)</h4>
          <ul aria-label="Skipped rows">
            {report.skipped.slice(0, SKIPPED_SHOWN).map((s) => (
              <li key={`${s.row}-${s.reason}`}>
                Row {n(s.row)}: <bdi>{s.reason}</bdi>
              </li>
            ))}
          </ul>
          {report.skipped.length > SKIPPED_SHOWN && <p class="hint">…and {n(report.skipped.length - SKIPPED_SHOWN)} more.</p>}
        </div>
      )}
      <div class="import-actions">
        {finished ? (
          <button type="button" class="button button-secondary" onClick={onClose}>
            Close
          </button>
        ) : (
          <button type="button" class="button button-secondary" onClick={onCancel} disabled={report.cancelled}>
            {report.cancelled ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
    </div>
  );
}
