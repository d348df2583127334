import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLeadSnapshot, leadWriteSeq, type CrmSegmentsDB } from '../db';
import { ingestLeads, PACKED_FORMAT } from '../segments';
import { NOW, TIME_ZONE, makeLead, openTestDatabase } from '../segments/test-support';
import { createLeadMemory } from './lead-memory';

const at = { now: NOW, timeZone: TIME_ZONE };
/** The quiet time after the last write before the copy is saved, in these tests. */
const QUIET = 1000;

/** The lead write sequence of the stored snapshot, if any. */
async function snapshotSeq(db: CrmSegmentsDB): Promise<number | undefined> {
  return (await currentLeadSnapshot(db, PACKED_FORMAT))?.seq ?? (await db.leadSnapshot.get(0))?.seq as number | undefined;
}

/** Lets IndexedDB (real timers) run until the stored snapshot is of `seq`, or a while passed; the snapshot's sequence then. */
async function snapshotAfterSaves(db: CrmSegmentsDB, seq: number): Promise<number | undefined> {
  for (let turn = 0; turn < 300; turn++) {
    const stored = await snapshotSeq(db);
    if (stored === seq) return stored;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return snapshotSeq(db);
}

/** Ingests one more lead and lets the copy apply the write (its timers are fake; IndexedDB's are not). */
async function write(db: CrmSegmentsDB, id: string): Promise<number> {
  await ingestLeads(db, [makeLead(id)], at);
  vi.advanceTimersByTime(0);
  return leadWriteSeq(db);
}

describe('saving the lead copy while writes keep coming', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits longer each time writes resume after a save, and saves after one quiet time again once they stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = openTestDatabase('snapshot-save');
    await ingestLeads(db, [makeLead('0')], at);
    const memory = createLeadMemory(db, 1000, QUIET);
    await memory.get();

    // Writes 1.5 quiet times apart: the first gap is long enough for a save…
    let seq = await write(db, '1');
    vi.advanceTimersByTime(QUIET);
    expect(await snapshotAfterSaves(db, seq)).toBe(seq);

    // …then a write came soon after that save: the next save waits two quiet times.
    const saved = seq;
    await write(db, '2');
    vi.advanceTimersByTime(QUIET * 1.5);
    seq = await write(db, '3');
    vi.advanceTimersByTime(QUIET * 1.5);
    expect(await snapshotAfterSaves(db, seq)).toBe(saved);
    vi.advanceTimersByTime(QUIET / 2);
    expect(await snapshotAfterSaves(db, seq)).toBe(seq);

    // Writes resumed again: four quiet times now (no save after two).
    const saved4 = seq;
    seq = await write(db, '4');
    vi.advanceTimersByTime(QUIET * 2);
    expect(await snapshotAfterSaves(db, seq)).toBe(saved4);
    vi.advanceTimersByTime(QUIET * 2);
    expect(await snapshotAfterSaves(db, seq)).toBe(seq);

    // Writes stopped for a whole quiet time after that save: the next one waits one quiet time again.
    vi.advanceTimersByTime(QUIET * 4);
    seq = await write(db, '5');
    vi.advanceTimersByTime(QUIET);
    expect(await snapshotAfterSaves(db, seq)).toBe(seq);
    memory.close();
  });
});
