import { leadsAfterAtSeq, outsideTransaction, watchLeadWrites, type CrmSegmentsDB, type LeadWrite } from '../db';
import { LeadColumns, type KnownLeads } from '../segments';

/** Leads read per query while loading the compact copy. */
const LOAD_CHUNK = 5000;

/**
 * The background's compact in-memory copy of every stored lead (issue 10 item 5), for the
 * editor's live preview: scanning it takes milliseconds where reading 250,000 leads back from
 * IndexedDB takes many seconds. Loaded once, in chunks, then kept current by the committed lead
 * writes (`watchLeadWrites`): the background is the only writer (docs/semantics.md §5).
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
  /** Stops following writes and drops the copy. */
  close(): void;
}

/** Creates the compact lead copy of `db` (nothing is read before `get` or `warm`). */
export function createLeadMemory(db: CrmSegmentsDB, chunkSize = LOAD_CHUNK): LeadMemory {
  const columns = new LeadColumns();
  let state: 'empty' | 'loading' | 'ready' = 'empty';
  let loading: Promise<LeadColumns> | null = null;
  let generation = 0;
  // Lead write sequence the copy reflects: set by the first chunk, then moved by each write
  // applied in order; NaN once a write was missed (never equal to a stored sequence again).
  let seq: number | undefined;
  // Committed writes not applied yet: applied in order on the next task, off the commit's (and
  // the ingest answer's) critical path, or before anything reads the copy, whichever comes first.
  const queue: Array<Exclude<LeadWrite, { kind: 'reset' }>> = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    for (const write of queue.splice(0)) {
      if (write.kind === 'put') columns.upsert(write.leads);
      else columns.remove(write.ids);
      // A write the first chunk already saw keeps the sequence; a gap means one was missed.
      if (seq !== undefined && write.seq > seq) seq = write.seq === seq + 1 ? write.seq : Number.NaN;
    }
  };

  const apply = (write: LeadWrite) => {
    if (write.kind === 'reset') {
      // Every row replaced: start again from the new rows.
      generation++;
      queue.length = 0;
      columns.clear();
      state = 'empty';
      loading = null;
      seq = undefined;
      return;
    }
    // While loading, writes apply too: a chunk read after a commit already has its rows, a chunk
    // read before it gets them from here; a deleted id not loaded yet is simply never read.
    if (state === 'empty') return;
    queue.push(write);
    flushTimer ??= setTimeout(flush, 0);
  };
  const unwatch = watchLeadWrites(db, apply);

  const load = (): Promise<LeadColumns> => {
    flush();
    if (state === 'ready') return Promise.resolve(columns);
    if (loading) return loading;
    const loadFor = ++generation;
    state = 'loading';
    const promise = (async () => {
      let cursor: string | undefined;
      for (;;) {
        const chunk = await leadsAfterAtSeq(db, cursor, chunkSize);
        if (loadFor !== generation) return load(); // reset meanwhile: load the new rows
        const { leads } = chunk;
        flush(); // writes committed before this read first: the chunk's rows are at least as new
        seq ??= chunk.seq;
        columns.upsert(leads);
        if (leads.length < chunkSize) break;
        cursor = leads[leads.length - 1]?.id;
      }
      state = 'ready';
      loading = null;
      return columns;
    })();
    promise.catch(() => {
      if (loadFor !== generation) return;
      columns.clear();
      state = 'empty';
      loading = null;
      seq = undefined;
    });
    loading = promise;
    return promise;
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
    close() {
      unwatch();
      clearTimeout(flushTimer);
      queue.length = 0;
      generation++;
      columns.clear();
      state = 'empty';
      loading = null;
      seq = undefined;
    },
  };
}
