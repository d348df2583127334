import { leadIdsAfter, leadsAfter, leadWriteSeq, type CrmSegmentsDB } from '../db';
import type { Lead } from '../schema';
import type { LeadColumns } from './lead-columns';

/**
 * The background's lead copy as a refresh chunk reads it (`LeadMemory.known`): every stored lead
 * but `syncedAt` (no rule reads it), and the lead write sequence the copy reflects.
 */
export interface RefreshLeadCopy {
  seq: number;
  leads: Pick<LeadColumns, 'rowsOf' | 'visitRows'>;
}

/** One refresh chunk's leads: their ids in id order, and a way to evaluate a predicate on each. */
export interface ChunkLeads {
  ids: string[];
  /** True when fewer leads than asked for were left: this is the last chunk. */
  last: boolean;
  /** Whether each lead (by position in `ids`) matches `predicate`. */
  evaluate(predicate: (lead: Lead) => boolean): boolean[];
  /** Where the leads were read: the in-memory copy, or IndexedDB. */
  source: 'copy' | 'stored';
}

/**
 * Reads the leads of one refresh chunk (up to `limit` after `cursor`), inside the chunk's transaction (issue 10 item 2): the ids
 * after `cursor` come from IndexedDB (keys only, id order), their content from the in-memory copy
 * when that copy is current — its lead write sequence equal to the stored one, read in this same
 * transaction, and asked for after that read (as ingest's unchanged-lead check does) — and holds
 * every id. Otherwise the leads are read from IndexedDB as before. Either way the chunk is the
 * same leads in the same order. Returns a Dexie promise on every path (transaction rules).
 */
export async function readChunkLeads(db: CrmSegmentsDB, cursor: string | undefined, limit: number, known?: () => RefreshLeadCopy | undefined): Promise<ChunkLeads> {
  if (known) {
    const seq = await leadWriteSeq(db);
    const ids = await leadIdsAfter(db, cursor, limit);
    const copy = known();
    const rows = copy !== undefined && copy.seq === seq ? copy.leads.rowsOf(ids) : undefined;
    if (copy !== undefined && rows !== undefined) {
      return {
        ids,
        last: ids.length < limit,
        source: 'copy',
        evaluate(predicate) {
          const matches = new Array<boolean>(ids.length);
          copy.leads.visitRows(rows, (row, i) => {
            matches[i] = predicate(row.asLead());
          });
          return matches;
        },
      };
    }
  }
  const leads = await leadsAfter(db, cursor, limit);
  return {
    ids: leads.map((lead) => lead.id),
    last: leads.length < limit,
    source: 'stored',
    evaluate: (predicate) => leads.map((lead) => predicate(lead)),
  };
}
