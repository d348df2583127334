import Dexie from 'dexie';
import type { Lead } from '../schema';
import type { CrmSegmentsDB } from './database';

/**
 * A committed change of the leads table (issue 10 item 5): leads stored (inserted or replaced),
 * leads deleted, or every row replaced at once (restore, delete all data).
 */
export type LeadWrite = { kind: 'put'; leads: readonly Lead[] } | { kind: 'delete'; ids: readonly string[] } | { kind: 'reset' };

/** Listener of committed lead writes. */
export type LeadWriteListener = (write: LeadWrite) => void;

const listeners = new WeakMap<CrmSegmentsDB, Set<LeadWriteListener>>();

/**
 * Calls `listener` after each lead write of `db` commits (never for one that rolls back), in
 * commit order, for in-memory copies of the leads kept by the background (the only writer).
 * Returns the unsubscribe function.
 */
export function watchLeadWrites(db: CrmSegmentsDB, listener: LeadWriteListener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Announces a lead write to the watchers of `db`. Call inside the write's transaction: the
 * watchers hear of it when the outermost transaction commits.
 */
export function announceLeadWrite(db: CrmSegmentsDB, write: LeadWrite): void {
  const set = listeners.get(db);
  if (!set || set.size === 0) return;
  const notify = () => {
    for (const listener of set) listener(write);
  };
  let tx = Dexie.currentTransaction;
  while (tx?.parent) tx = tx.parent;
  if (tx) tx.on('complete', notify);
  else notify();
}
