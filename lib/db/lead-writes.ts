import Dexie from 'dexie';
import { lazySchema, z, type Lead } from '../schema';
import type { CrmSegmentsDB } from './database';
import { getMeta, setMeta } from './meta';

/**
 * A committed change of the leads table (issue 10 item 5): leads stored (inserted or replaced),
 * leads deleted, or every row replaced at once (restore, delete all data). `seq`: the lead write
 * sequence this write set ({@link leadWriteSeq}).
 */
export type LeadWrite = { kind: 'put'; leads: readonly Lead[]; seq: number } | { kind: 'delete'; ids: readonly string[]; seq: number } | { kind: 'reset' };

/**
 * Meta key of the lead write sequence: moved by one by every put or delete of lead rows, in its
 * transaction. A copy of the leads that has applied every write up to sequence N is current
 * exactly when the stored sequence is N (read inside the transaction that relies on it).
 */
const LEAD_WRITE_SEQ_KEY = 'leadWriteSeq';
const SeqSchema = lazySchema(() => z.number().int().min(0));

/** The stored lead write sequence (0 before the first write). */
export function leadWriteSeq(db: CrmSegmentsDB): Promise<number> {
  return getMeta(db, LEAD_WRITE_SEQ_KEY, SeqSchema, 0);
}

/**
 * Moves the lead write sequence by one and returns it. Call inside the lead write's transaction;
 * `current`: the sequence when the caller read it earlier in that same transaction (saves the read).
 */
export async function nextLeadWriteSeq(db: CrmSegmentsDB, current?: number): Promise<number> {
  return setMeta(db, LEAD_WRITE_SEQ_KEY, SeqSchema, (current ?? (await leadWriteSeq(db))) + 1);
}

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
