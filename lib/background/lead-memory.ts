import { leadsAfter, watchLeadWrites, type CrmSegmentsDB, type LeadWrite } from '../db';
import { LeadColumns } from '../segments';

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

  const apply = (write: LeadWrite) => {
    if (write.kind === 'reset') {
      // Every row replaced: start again from the new rows.
      generation++;
      columns.clear();
      state = 'empty';
      loading = null;
      return;
    }
    // While loading, writes apply too: a chunk read after a commit already has its rows, a chunk
    // read before it gets them from here; a deleted id not loaded yet is simply never read.
    if (state === 'empty') return;
    if (write.kind === 'put') columns.upsert(write.leads);
    else columns.remove(write.ids);
  };
  const unwatch = watchLeadWrites(db, apply);

  const load = (): Promise<LeadColumns> => {
    if (state === 'ready') return Promise.resolve(columns);
    if (loading) return loading;
    const loadFor = ++generation;
    state = 'loading';
    const promise = (async () => {
      let cursor: string | undefined;
      for (;;) {
        const leads = await leadsAfter(db, cursor, chunkSize);
        if (loadFor !== generation) return load(); // reset meanwhile: load the new rows
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
    });
    loading = promise;
    return promise;
  };

  return {
    get: load,
    ready: () => (state === 'ready' ? columns : undefined),
    warm() {
      load().catch(() => undefined);
    },
    close() {
      unwatch();
      generation++;
      columns.clear();
      state = 'empty';
      loading = null;
    },
  };
}
