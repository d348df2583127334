import type { ConvertedBatch, CsvPreview, UnreadableColumn } from './convert-file';
import type { ImportPlan } from './plan';

/** Messages the options page sends to the CSV worker. */
export type ToCsvWorker =
  | { type: 'preview'; file: File; maxRows: number }
  | { type: 'import'; file: File; plan: ImportPlan; batchSize: number }
  /** The page stored the last batch: read on. */
  | { type: 'continue' }
  | { type: 'cancel' };

/** Messages the CSV worker sends back. */
export type FromCsvWorker =
  | { type: 'preview'; preview: CsvPreview }
  | { type: 'batch'; batch: ConvertedBatch }
  | { type: 'done'; rowsRead: number; unreadable: UnreadableColumn[]; cancelled: boolean }
  /** `problem`: the file itself is unusable (not a CSV file, no data rows): the message says so in full. */
  | { type: 'error'; message: string; problem?: boolean };
