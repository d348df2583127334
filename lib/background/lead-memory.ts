import { leadsAfterAtSeq, outsideTransaction, storedLeadCount, watchLeadWrites, type CrmSegmentsDB, type LeadWrite } from '../db';
import { LeadColumns, type KnownLeads } from '../segments';
import { loadFromSnapshot, saveSnapshot } from './lead-memory-snapshot';

/** Leads read per query while loading the compact copy. */
const LOAD_CHUNK = 5000;
/**
 * Quiet time after the last lead write before the copy is saved as the stored snapshot: off the
 * path of ingest and sync (a Sync all's writes keep pushing it back), well within the ~30 s a
 * service worker stays up when idle.
 */
const SAVE_DELAY_MS = 3000;
/**
 * Writes that resume soon after a save started (a Sync all or an ingest in messages, whose gaps can
 * outlast the quiet time) double the quiet time, up to this many times {@link SAVE_DELAY_MS}: the whole
 * copy is not packed again after every batch. Back to one quiet time once writes stop for that long.
 */
const MAX_SAVE_DELAY_FACTOR = 4;

/** How far loading the copy has got: leads in it so far, of the leads stored. */
export interface LeadMemoryLoading {
  loaded: number;
  total: number;
}

/**
 * The background's compact in-memory copy of every stored lead (issue 10 item 5), for the
 * editor's live preview: scanning it takes milliseconds where reading 250,000 leads back from
 * IndexedDB takes many seconds. Loaded once — from its stored snapshot when that is current (a
 * few large reads), else from the leads in chunks — then kept current by the committed lead
 * writes (`watchLeadWrites`): the background is the only writer (docs/semantics.md §5). Saved
 * again as the snapshot once writes settle, so the next worker start loads it fast.
 */
export interface LeadMemory {
  /** The copy, complete and current (waits for the load the first time). */
  get(): Promise<LeadColumns>;
  /** The copy when it is complete and current, else undefined (never waits). */
  ready(): LeadColumns | undefined;
  /**
   * The complete copy and the lead write sequence it reflects (never waits), for ingest to compare
   * against instead of reading stored leads; undefined while loading (a copy not loaded starts
   * loading), or after a write it missed.
   */
  known(): (KnownLeads & { leads: LeadColumns }) | undefined;
  /** Starts loading now (e.g. at worker start) instead of at the first `get`. */
  warm(): void;
  /** How far the load has got, while the copy loads; else undefined. */
  loading(): LeadMemoryLoading | undefined;
  /** Resolves at the load's next step (a part or chunk added) or its end; at once when not loading. */
  nextStep(): Promise<void>;
  /** Saves the copy as the stored snapshot now, unless it is not loaded or already saved; true when written. */
  save(): Promise<boolean>;
  /** Stops following writes and drops the copy. */
  close(): void;
}

/** Creates the compact lead copy of `db` (nothing is read before `get` or `warm`). */
export function createLeadMemory(db: CrmSegmentsDB, chunkSize = LOAD_CHUNK, saveDelayMs = SAVE_DELAY_MS): LeadMemory {
  const columns = new LeadColumns();
  let state: 'empty' | 'loading' | 'ready' = 'empty';
  let loading: Promise<LeadColumns> | null = null;
  let generation = 0;
  // Lead write sequence the copy reflects: set by the snapshot or the first chunk, then moved by
  // each write applied in order; NaN once a write was missed (never equal to a stored sequence again).
  let seq: number | undefined;
  // Committed writes not applied yet: applied in order on the next task, off the commit's (and
  // the ingest answer's) critical path, or before anything reads the copy, whichever comes first.
  const queue: Array<Exclude<LeadWrite, { kind: 'reset' }>> = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  // While a snapshot is read, writes wait in the queue: its rows are older than theirs.
  let holding = false;
  let progress: LeadMemoryLoading | undefined;
  let stepWaiters: Array<() => void> = [];
  // The sequence of the stored snapshot as far as this copy knows (loaded from it, or saved).
  let savedSeq: number | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<boolean> | null = null;
  // The quiet time the next save waits for; `savedSinceWrite`: a save started since the last write.
  let saveDelay = saveDelayMs;
  let savedSinceWrite = false;
  let relaxTimer: ReturnType<typeof setTimeout> | undefined;

  const step = (next: LeadMemoryLoading | undefined) => {
    progress = next;
    const waiters = stepWaiters;
    stepWaiters = [];
    for (const wake of waiters) wake();
  };

  const scheduleSave = () => {
    clearTimeout(saveTimer);
    clearTimeout(relaxTimer);
    if (savedSinceWrite) saveDelay = Math.min(saveDelay * 2, saveDelayMs * MAX_SAVE_DELAY_FACTOR);
    savedSinceWrite = false;
    saveTimer = setTimeout(() => void save(), saveDelay);
  };

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (holding || queue.length === 0) return;
    for (const write of queue.splice(0)) {
      if (write.kind === 'put') columns.upsert(write.leads);
      else columns.remove(write.ids);
      // A write the first chunk already saw keeps the sequence; a gap means one was missed.
      if (seq !== undefined && write.seq > seq) seq = write.seq === seq + 1 ? write.seq : Number.NaN;
    }
    if (state === 'ready') scheduleSave();
  };

  const forget = () => {
    generation++;
    queue.length = 0;
    columns.clear();
    state = 'empty';
    loading = null;
    seq = undefined;
    holding = false;
    savedSeq = undefined;
    clearTimeout(saveTimer);
    step(undefined);
  };

  const apply = (write: LeadWrite) => {
    // Every row replaced: start again from the new rows.
    if (write.kind === 'reset') return forget();
    // While loading, writes apply too: a chunk read after a commit already has its rows, a chunk
    // read before it gets them from here; a deleted id not loaded yet is simply never read.
    if (state === 'empty') return;
    queue.push(write);
    flushTimer ??= setTimeout(flush, 0);
  };
  const unwatch = watchLeadWrites(db, apply);

  /** Reads every lead in chunks into the empty copy (no current snapshot). */
  const loadChunks = async (loadFor: number): Promise<boolean> => {
    const total = await storedLeadCount(db);
    if (loadFor !== generation) return false;
    step({ loaded: 0, total });
    let cursor: string | undefined;
    for (;;) {
      const chunk = await leadsAfterAtSeq(db, cursor, chunkSize);
      if (loadFor !== generation) return false;
      const { leads } = chunk;
      flush(); // writes committed before this read first: the chunk's rows are at least as new
      seq ??= chunk.seq;
      columns.upsert(leads);
      if (leads.length < chunkSize) return true;
      step({ loaded: columns.size, total: Math.max(total, columns.size) });
      cursor = leads[leads.length - 1]?.id;
    }
  };

  const load = (): Promise<LeadColumns> => {
    flush();
    if (state === 'ready') return Promise.resolve(columns);
    if (loading) return loading;
    const loadFor = ++generation;
    state = 'loading';
    const promise = (async () => {
      holding = true;
      const snapshotSeq = await loadFromSnapshot(db, columns, () => loadFor !== generation, (loaded, total) => step({ loaded, total })).finally(() => {
        if (loadFor === generation) holding = false;
      });
      if (loadFor !== generation) return load(); // reset meanwhile: load the new rows
      if (snapshotSeq !== undefined) {
        seq = savedSeq = snapshotSeq;
        flush(); // the writes committed after the snapshot's sequence, in order
      } else if (!(await loadChunks(loadFor))) {
        return load();
      }
      state = 'ready';
      loading = null;
      step(undefined);
      if (seq !== savedSeq) scheduleSave();
      return columns;
    })();
    promise.catch(() => {
      if (loadFor === generation) forget();
    });
    loading = promise;
    return promise;
  };

  const save = (): Promise<boolean> => {
    clearTimeout(saveTimer);
    if (saving) return saving.then(() => save());
    flush();
    const at = seq;
    if (state !== 'ready' || at === undefined || Number.isNaN(at) || at === savedSeq) return Promise.resolve(false);
    const saveFor = generation;
    savedSinceWrite = true;
    saving = saveSnapshot(db, columns, at, () => generation === saveFor && seq === at).then((written) => {
      saving = null;
      if (written && generation === saveFor) savedSeq = at;
      // No write for a whole quiet time after this save: the writes have stopped.
      clearTimeout(relaxTimer);
      relaxTimer = setTimeout(() => {
        if (!savedSinceWrite) return;
        saveDelay = saveDelayMs;
        savedSinceWrite = false;
      }, saveDelay);
      return written;
    });
    return saving;
  };

  return {
    get: load,
    ready() {
      flush();
      return state === 'ready' ? columns : undefined;
    },
    known() {
      flush();
      if (state === 'ready') return seq !== undefined && !Number.isNaN(seq) ? { seq, leads: columns } : undefined;
      // Not loaded (e.g. after "Delete all data" or a restore): load it for the next batches.
      if (state === 'empty') outsideTransaction(() => load().catch(() => undefined));
      return undefined;
    },
    warm() {
      load().catch(() => undefined);
    },
    loading: () => (state === 'loading' ? progress ?? { loaded: 0, total: 0 } : undefined),
    nextStep: () => (state === 'loading' ? new Promise<void>((wake) => stepWaiters.push(wake)) : Promise.resolve()),
    save,
    close() {
      unwatch();
      clearTimeout(flushTimer);
      clearTimeout(relaxTimer);
      forget();
    },
  };
}
