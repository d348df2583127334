/// <reference lib="webworker" />
/**
 * The CSV worker (issue 11): parses the chosen file with papaparse off the page's main thread,
 * streaming, and converts rows to leads with the mapping. While the page stores one batch the
 * worker converts the next, and posts it only after "continue" for the previous one (the page
 * says so while fewer than two batches are unanswered), so the page's ingest paces the reading;
 * "cancel" stops it between batches.
 */
import { convertCsvFile, previewCsvFile } from '../../../lib/import/convert-file';
import { CsvFileProblem } from '../../../lib/import/file-check';
import type { FromCsvWorker, ToCsvWorker } from '../../../lib/import/worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let cancelled = false;
let proceed: (() => void) | null = null;
/** Settles when the page has stored the last batch posted. */
let acknowledged: Promise<void> = Promise.resolve();

const post = (message: FromCsvWorker) => scope.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.onmessage = (event: MessageEvent<ToCsvWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'preview':
      previewCsvFile(message.file, message.maxRows).then(
        (preview) => post({ type: 'preview', preview }),
        (error: unknown) => post({ type: 'error', message: describe(error), problem: error instanceof CsvFileProblem }),
      );
      return;
    case 'import':
      cancelled = false;
      acknowledged = Promise.resolve();
      convertCsvFile(
        message.file,
        message.plan,
        async (batch) => {
          await acknowledged;
          if (cancelled) return;
          acknowledged = new Promise<void>((resolve) => (proceed = resolve));
          post({ type: 'batch', batch });
        },
        { batchSize: message.batchSize, shouldStop: () => cancelled },
      ).then(
        async (result) => {
          await acknowledged;
          post({ type: 'done', ...result, cancelled });
        },
        (error: unknown) => post({ type: 'error', message: describe(error) }),
      );
      return;
    case 'continue':
    case 'cancel':
      if (message.type === 'cancel') cancelled = true;
      proceed?.();
      proceed = null;
      return;
  }
};
