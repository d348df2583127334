import type { SendToBackground } from '../../../lib/messaging/client';
import type { ConvertedBatch, CsvPreview, SkippedRow, UnreadableColumn } from '../../../lib/import/convert-file';
import type { ImportPlan } from '../../../lib/import/plan';
import { CsvFileProblem } from '../../../lib/import/file-check';
import type { FromCsvWorker, ToCsvWorker } from '../../../lib/import/worker-protocol';

/** Leads per `ingestLeads` message (the most the message allows: fewer, larger transactions). */
const BATCH_SIZE = 5000;

/** Outcome of an import so far (and at the end). */
export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: SkippedRow[];
  unreadable: UnreadableColumn[];
  rowsRead: number;
  bytesRead: number;
  cancelled: boolean;
  /** Why the import stopped early (e.g. the browser is out of storage space). */
  error?: string;
}

/** Starts the CSV worker (a module worker bundled from csv-worker.ts, served from the extension). */
export function startCsvWorker(): Worker {
  return new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
}

/** Asks the worker for the header and first `maxRows` rows of `file`. */
export function previewInWorker(worker: Worker, file: File, maxRows: number): Promise<CsvPreview> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromCsvWorker>) => {
      if (event.data.type === 'preview') resolve(event.data.preview);
      else if (event.data.type === 'error') reject(event.data.problem ? new CsvFileProblem(event.data.message) : new Error(event.data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'The CSV reader stopped unexpectedly.'));
    worker.postMessage({ type: 'preview', file, maxRows } satisfies ToCsvWorker);
  });
}

/**
 * A running import: its result, and Cancel (the batches already sent to the background are
 * stored; a batch converted after Cancel is dropped and its rows are not counted as read).
 */
export interface RunningImport {
  done: Promise<ImportReport>;
  cancel(): void;
}

/**
 * Batches sent to the background before the first of them is answered: while one is being
 * stored, the next crosses to the background and is validated, so the store never waits for it
 * (the background stores them in the order sent, one transaction each).
 */
const IN_FLIGHT = 2;

/**
 * Imports `file` with `plan`: the worker converts rows in batches; each batch goes to the
 * background's `ingestLeads` (validated, incremental, segments updated), at most
 * {@link IN_FLIGHT} unanswered at a time, and the worker reads on as they are answered. A failed
 * ingest (e.g. storage quota) stops the import and is reported in `error`.
 */
export function runImportInWorker(worker: Worker, file: File, plan: ImportPlan, send: SendToBackground, onProgress: (report: ImportReport) => void): RunningImport {
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, skipped: [], unreadable: [], rowsRead: 0, bytesRead: 0, cancelled: false };
  const tell = (message: ToCsvWorker) => worker.postMessage(message);
  const inFlight = new Set<Promise<void>>();
  /** The worker posted a batch and awaits "continue", which is owed once a slot is free. */
  let owed = false;
  const proceed = () => {
    owed = false;
    tell({ type: report.cancelled || report.error ? 'cancel' : 'continue' });
  };

  const store = async (batch: ConvertedBatch) => {
    // A batch converted after Cancel (or after a failure) is dropped whole: its rows were not imported.
    if (report.cancelled || report.error) return;
    report.skipped.push(...batch.skipped);
    if (batch.leads.length > 0) {
      const answer = await send('ingestLeads', { leads: batch.leads });
      if (answer.ok) {
        const created = answer.data.created ?? 0;
        report.imported += created;
        report.updated += answer.data.stored - created;
        report.unchanged += answer.data.unchanged;
        for (const skip of answer.data.skipped) report.skipped.push({ row: batch.rows[skip.ref] ?? 0, reason: skip.reason });
      } else {
        report.error ??= answer.error;
      }
    }
    report.rowsRead = Math.max(report.rowsRead, batch.rowsRead);
    report.bytesRead = Math.max(report.bytesRead, batch.bytesRead);
    onProgress({ ...report });
  };

  const done = new Promise<ImportReport>((resolve) => {
    const finish = async () => {
      await Promise.all(inFlight);
      resolve({ ...report, skipped: [...report.skipped].sort((a, b) => a.row - b.row) });
    };
    worker.onerror = (event) => {
      report.error = event.message || 'The CSV reader stopped unexpectedly.';
      void finish();
    };
    worker.onmessage = (event: MessageEvent<FromCsvWorker>) => {
      const message = event.data;
      if (message.type === 'error') {
        report.error = message.message;
        void finish();
      } else if (message.type === 'done') {
        report.unreadable = message.unreadable;
        report.cancelled = report.cancelled || message.cancelled;
        // After Cancel, rows read counts only the rows of the batches stored.
        if (!report.cancelled) report.rowsRead = Math.max(report.rowsRead, message.rowsRead);
        void finish();
      } else if (message.type === 'batch') {
        const stored = store(message.batch).then(() => {
          inFlight.delete(stored);
          if (owed) proceed();
        });
        inFlight.add(stored);
        owed = true;
        if (inFlight.size < IN_FLIGHT || report.error) proceed();
      }
    };
  });
  tell({ type: 'import', file, plan, batchSize: BATCH_SIZE });
  return {
    done,
    cancel() {
      report.cancelled = true;
    },
  };
}

/** "N imported, N updated, N unchanged, N skipped" (the end of the import status, a contract). */
export function countsText(report: ImportReport): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `${n(report.imported)} imported, ${n(report.updated)} updated, ${n(report.unchanged)} unchanged, ${n(report.skipped.length)} skipped`;
}
