import { leadsAfter, storedLeadCount, type CrmSegmentsDB } from '../db';
import type { Lead } from '../schema';

/** Most leads kept in memory for previews (≈1 KB each); above it previews read IndexedDB. */
export const MAX_SNAPSHOT_LEADS = 60_000;

/**
 * An in-memory copy of every stored lead, for the editor's live preview (issue #4: "N leads
 * match" within 300 ms of a keystroke). Reading and deserialising every lead from IndexedDB takes
 * about a second per 10,000 leads, far above that budget, while evaluating them in memory takes
 * milliseconds. The background is the only writer (docs/semantics.md §5), so it invalidates the snapshot after
 * every lead write; a write racing a load discards that load.
 */
export interface LeadSnapshot {
  /** Every stored lead in id order, or null when there are more than the cap. */
  get(): Promise<readonly Lead[] | null>;
  /** Drops the copy (call after any lead write or deletion). */
  invalidate(): void;
}

/** Creates a lazily loaded snapshot of `db`'s leads. */
export function createLeadSnapshot(db: CrmSegmentsDB, maxLeads = MAX_SNAPSHOT_LEADS): LeadSnapshot {
  let version = 0;
  let cached: readonly Lead[] | null = null;
  let loading: { version: number; promise: Promise<readonly Lead[] | null> } | null = null;
  return {
    get() {
      if (cached) return Promise.resolve(cached);
      if (loading?.version === version) return loading.promise;
      const loadedFor = version;
      const promise = (async () => {
        if ((await storedLeadCount(db)) > maxLeads) return null;
        const leads = await leadsAfter(db, undefined, maxLeads + 1);
        if (leads.length > maxLeads) return null;
        if (loadedFor === version) cached = leads;
        return leads;
      })();
      loading = { version: loadedFor, promise };
      return promise;
    },
    invalidate() {
      version++;
      cached = null;
      loading = null;
    },
  };
}
