import { useEffect, useRef, useState } from 'preact/hooks';
import { useBackground } from '../../../components/background-context';
import { useDb } from '../../../components/db-context';
import { useLiveQuery } from '../../../components/use-live-query';
import { getEvaluationTimeZone, getImportMapping, listCustomFields } from '../../../lib/db';
import type { CsvPreview } from '../../../lib/import/convert-file';
import { reconcileSavedMapping } from '../../../lib/import/mapping-edit';
import { crmKeyForFile, type ImportMapping } from '../../../lib/import/plan';
import { suggestMapping } from '../../../lib/import/suggest';
import { previewInWorker, runImportInWorker, startCsvWorker, type ImportReport, type RunningImport } from './csv-import-client';
import { CsvFileProblem } from '../../../lib/import/file-check';
import { FileDrop } from './file-drop';
import { ImportProgress } from './import-report';
import { MappingStep } from './mapping-step';
import { useOnDataReplaced } from '../options-message';
import { useLeaveWarning } from '../../../components/use-leave-warning';

/** Rows read for the preview and for detecting types and date formats. */
const SAMPLE_ROWS = 1000;

type Step =
  | { kind: 'closed' }
  | { kind: 'pick'; error?: string }
  | { kind: 'reading'; fileName: string }
  | { kind: 'mapping'; file: File; preview: CsvPreview; mapping: ImportMapping; storeAs: string; remembered: boolean; error?: string }
  | { kind: 'running'; file: File; report: ImportReport; finished: boolean };

const emptyReport = (): ImportReport => ({ imported: 0, updated: 0, unchanged: 0, skipped: [], unreadable: [], rowsRead: 0, bytesRead: 0, cancelled: false });

/**
 * "Import leads" (issue 11): pick or drop a CSV file, check the suggested column mapping, import
 * through the background's `ingestLeads` with progress, Cancel and a report. Parsing runs in a
 * Web Worker (csv-worker.ts).
 */
export function ImportSection() {
  const db = useDb();
  const send = useBackground();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const worker = useRef<Worker | null>(null);
  const running = useRef<RunningImport | null>(null);
  const fields = useLiveQuery(() => listCustomFields(db), [db]);
  const customFields = fields.data ?? [];

  // A finished import's report describes leads that "Delete all data" or a restore just replaced.
  useOnDataReplaced(() => setStep((current) => (current.kind === 'running' && current.finished ? { kind: 'closed' } : current)));

  const starting = useRef(false);
  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stopWorker, []);
  // Leaving the page stops the import half-way (what was stored stays): the browser asks first.
  useLeaveWarning(step.kind === 'running' && !step.finished);

  const chooseFile = async (file: File) => {
    stopWorker();
    setStep({ kind: 'reading', fileName: file.name });
    try {
      worker.current = startCsvWorker();
      const preview = await previewInWorker(worker.current, file, SAMPLE_ROWS);
      const current = await listCustomFields(db);
      const saved = await getImportMapping(db, preview.headers);
      const reconciled = saved && reconcileSavedMapping(saved, preview.headers, preview.rows, current);
      const mapping = reconciled ?? suggestMapping(preview.headers, preview.rows, current);
      setStep({ kind: 'mapping', file, preview, mapping, storeAs: crmKeyForFile(file.name).slice('csv:'.length), remembered: reconciled !== null });
    } catch (error) {
      stopWorker();
      // A file that is not a CSV file (or has no data rows) is named with the sentence that says so; no mapping step.
      const text = error instanceof Error ? error.message : String(error);
      setStep({ kind: 'pick', error: error instanceof CsvFileProblem ? `${file.name}: ${text}` : `Could not read ${file.name}: ${text}` });
    }
  };

  const startImport = async () => {
    // One import per click on "Import": a second click while the first is being prepared (a double
    // click) would start a second run on the same worker, and neither would ever finish.
    if (step.kind !== 'mapping' || !worker.current || starting.current) return;
    starting.current = true;
    try {
      const { file, preview, mapping, storeAs } = step;
      const newFields = mapping.columns.flatMap((c) => (c.target === 'new' && c.newField ? [c.newField] : []));
      const prepared = await send('prepareImport', { headers: preview.headers, mapping, newFields });
      if (!prepared.ok) {
        setStep({ ...step, error: prepared.error });
        return;
      }
      const plan = { crmKey: `csv:${storeAs}`, mapping, customFields: prepared.data.customFields, timeZone: await getEvaluationTimeZone(db), now: Date.now() };
      setStep({ kind: 'running', file, report: emptyReport(), finished: false });
      if (!worker.current) return; // closed while preparing
      const run = runImportInWorker(worker.current, file, plan, send, (report) => setStep({ kind: 'running', file, report, finished: false }));
      running.current = run;
      const report = await run.done;
      running.current = null;
      stopWorker();
      setStep({ kind: 'running', file, report, finished: true });
    } finally {
      starting.current = false;
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import leads from a CSV file</h2>
      <p class="hint">Bring in leads from any CRM's export. Imported leads can be used in segments like synced ones.</p>
      {step.kind === 'closed' && (
        <button type="button" class="button button-primary" onClick={() => setStep({ kind: 'pick' })}>
          Import leads
        </button>
      )}
      {(step.kind === 'pick' || step.kind === 'reading') && (
        <>
          <FileDrop onFile={(file) => void chooseFile(file)} disabled={step.kind === 'reading'} />
          {step.kind === 'reading' && <p class="hint">Reading {step.fileName}…</p>}
          {step.kind === 'pick' && step.error && (
            <p class="options-error" role="alert">
              {step.error}
            </p>
          )}
          <button type="button" class="button button-ghost" onClick={() => setStep({ kind: 'closed' })}>
            Close
          </button>
        </>
      )}
      {step.kind === 'mapping' && (
        <>
          <MappingStep
            fileName={step.file.name}
            preview={step.preview}
            mapping={step.mapping}
            storeAs={step.storeAs}
            customFields={customFields}
            remembered={step.remembered}
            onMapping={(mapping) => setStep({ ...step, mapping, error: undefined })}
            onStoreAs={(storeAs) => setStep({ ...step, storeAs })}
            onImport={() => void startImport()}
            onBack={() => {
              stopWorker();
              setStep({ kind: 'pick' });
            }}
          />
          {step.error && (
            <p class="options-error" role="alert">
              Could not start the import: {step.error}
            </p>
          )}
        </>
      )}
      {step.kind === 'running' && (
        <ImportProgress
          report={step.report}
          fileSize={step.file.size}
          finished={step.finished}
          onCancel={() => {
            running.current?.cancel();
            setStep({ ...step, report: { ...step.report, cancelled: true } });
          }}
          onClose={() => setStep({ kind: 'closed' })}
        />
      )}
    </section>
  );
}
