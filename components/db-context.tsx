import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { CrmSegmentsDB } from '../lib/db/database';

/**
 * The database UI components read with live queries (docs/semantics.md §5: pages read Dexie directly, never
 * write). Tests provide a uniquely named `CrmSegmentsDB` backed by fake-indexeddb.
 */
const DbContext = createContext<CrmSegmentsDB | null>(null);

/** Provides `db` to every component below. */
export function DbProvider({ db, children }: { db: CrmSegmentsDB; children: ComponentChildren }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

/** The `CrmSegmentsDB` of the nearest provider. Throws if there is none (a wiring bug). */
export function useDb(): CrmSegmentsDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() needs a <DbProvider> above it');
  return db;
}
