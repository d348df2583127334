/**
 * The page side of the cold-worker preview measurement (bench/browser/cold-steps.ts): the lead
 * copy's stored snapshot looked at and removed raw, and the first preview timed until it has a
 * count (answers saying the copy still loads are asked again, as the editor does).
 */
import { committed, openExisting, request } from './raw-idb';

type Send = <T = unknown>(type: string, data: unknown) => Promise<T>;

/** Whether the product's stored lead snapshot is current: its header's sequence is the stored lead write sequence. */
async function snapshotCurrent(): Promise<{ current: boolean; parts: number; format?: number }> {
  const db = await openExisting('crm-segments');
  try {
    const tx = db.transaction(['leadSnapshot', 'meta'], 'readonly');
    const [header, seq] = await Promise.all([request(tx.objectStore('leadSnapshot').get(0)), request(tx.objectStore('meta').get('leadWriteSeq'))]);
    const h = header as { seq?: number; parts?: number; format?: number } | undefined;
    return { current: h !== undefined && h.seq === (seq as { value?: number } | undefined)?.value, parts: h?.parts ?? 0, ...(h?.format !== undefined ? { format: h.format } : {}) };
  } finally {
    db.close();
  }
}

/** Waits (polling every 100 ms) until the snapshot is current, or `timeoutMs` passed. */
async function snapshotSaved(timeoutMs = 120_000): Promise<{ current: boolean; parts: number; format?: number }> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 100))) {
    const state = await snapshotCurrent();
    if (state.current || Date.now() > deadline) return state;
  }
}

/** Removes the stored snapshot (raw), so the next worker start reads the leads as before it existed. */
async function dropSnapshot(): Promise<void> {
  const db = await openExisting('crm-segments');
  try {
    const tx = db.transaction('leadSnapshot', 'readwrite');
    tx.objectStore('leadSnapshot').clear();
    await committed(tx);
  } finally {
    db.close();
  }
}

/**
 * Sends `previewSegment` until the answer has a count: ms from the first send, the answers that
 * said the copy still loads, and the last such progress.
 */
async function coldPreview(send: Send, rules: unknown): Promise<{ ms: number; loadingAnswers: number; count: number; total: number }> {
  const started = performance.now();
  let loadingAnswers = 0;
  for (;;) {
    const answer = await send<{ count: number; total: number; loading?: unknown }>('previewSegment', { rules, sampleSize: 5 });
    if (!answer.loading) return { ms: performance.now() - started, loadingAnswers, count: answer.count, total: answer.total };
    loadingAnswers++;
  }
}

/** The cold-preview entry points of the page kit (`send` is the page kit's product messenger). */
export const coldPageKit = (send: Send) => ({
  snapshotSaved,
  dropSnapshot,
  coldPreview: (rules: unknown) => coldPreview(send, rules),
});
