import { describe, expect, it } from 'vitest';
import type { ConvertedBatch } from '../../../lib/import/convert-file';
import type { ImportPlan } from '../../../lib/import/plan';
import type { FromCsvWorker, ToCsvWorker } from '../../../lib/import/worker-protocol';
import type { SendToBackground } from '../../../lib/messaging/client';
import { makeTestLead as makeLead } from '../../../lib/testing/lead-factory';
import { runImportInWorker } from './csv-import-client';

/** A stand-in for the CSV worker: records what it is told and posts what the test says. */
function fakeWorker() {
  const told: ToCsvWorker[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<FromCsvWorker>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (message: ToCsvWorker) => told.push(message),
    post(message: FromCsvWorker) {
      worker.onmessage?.({ data: message } as MessageEvent<FromCsvWorker>);
    },
  };
  return { worker, told };
}

const batch = (from: number, count: number): ConvertedBatch => ({
  leads: Array.from({ length: count }, (_, i) => makeLead(from + i)),
  rows: Object.fromEntries(Array.from({ length: count }, (_, i) => [makeLead(from + i).id, from + i + 2])),
  skipped: [],
  rowsRead: from + count,
  bytesRead: (from + count) * 100,
});

describe('runImportInWorker', () => {
  it('stores the batches sent before Cancel and drops a batch converted after it', async () => {
    const { worker, told } = fakeWorker();
    const sent: number[] = [];
    const answers: Array<() => void> = [];
    const send = ((type: string, payload: { leads: unknown[] }) => {
      expect(type).toBe('ingestLeads');
      sent.push(payload.leads.length);
      return new Promise((resolve) => answers.push(() => resolve({ ok: true, data: { stored: payload.leads.length, created: payload.leads.length, unchanged: 0, skipped: [] } })));
    }) as unknown as SendToBackground;
    const running = runImportInWorker(worker as unknown as Worker, new File(['x'], 'leads.csv'), {} as ImportPlan, send, () => {});
    expect(told.map((m) => m.type)).toEqual(['import']);

    worker.post({ type: 'batch', batch: batch(0, 3) });
    running.cancel();
    worker.post({ type: 'batch', batch: batch(3, 4) });
    expect(sent).toEqual([3]);
    answers[0]!();
    worker.post({ type: 'done', rowsRead: 7, unreadable: [], cancelled: true });
    const report = await running.done;
    expect(report).toMatchObject({ imported: 3, updated: 0, rowsRead: 3, bytesRead: 300, cancelled: true });
    expect(told.map((m) => m.type)).toContain('cancel');
  });
});
