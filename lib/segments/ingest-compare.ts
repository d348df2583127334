import { getLeads, settled, storedLeadIds, type CrmSegmentsDB, type ValidatedLead } from '../db';
import type { Lead } from '../schema';
import type { StoredLeadChange } from './ingest-memberships';
import { sameLeadContent } from './lead-content';

/**
 * The stored leads as known without reading them (issue 10 item 4): the background's in-memory
 * copy (`LeadColumns`, every field but `syncedAt`) and the lead write sequence it reflects. Ingest
 * trusts it only when that sequence is the stored one, read inside the ingest's own transaction.
 */
export interface KnownLeads {
  seq: number;
  leads: { has(id: string): boolean; content(id: string): Lead | undefined };
}

/** What an ingest's transaction has read before comparing (its first round trip). */
export interface CompareInputs {
  /** The stored lead write sequence (`leadWriteSeq`). */
  seq: number;
  /** The in-memory copy, asked for AFTER that read (every earlier lead write committed and announced). */
  copy: KnownLeads | undefined;
  /** The stored versions of every id of the batch, when they were read along (small batches), in id order. */
  read: ReadonlyArray<Lead | undefined> | undefined;
}

/** Which leads of a batch to write: the new ones first, then the changed ones. */
export interface BatchComparison {
  /** New leads, then stored leads whose content differs (in batch order within each part). */
  changed: ValidatedLead[];
  /** How many of `changed` are new. */
  created: number;
  /** The changed leads that were stored before, with their stored version. */
  replaced: StoredLeadChange[];
}

/**
 * Compares a validated batch with the stored leads, inside the ingest's transaction: with a
 * current copy (its sequence equal to the stored one) nothing more is read; else the versions read
 * along are used; else the stored ids, then the stored versions of those, are read back. The
 * content comparison is exact in every case (`sameLeadContent`: every field but `syncedAt`), never
 * a hash. Returns a Dexie promise on every path.
 */
export function compareWithStored(db: CrmSegmentsDB, leads: ReadonlyMap<string, ValidatedLead>, inputs: CompareInputs): Promise<BatchComparison> {
  const ids = [...leads.keys()];
  const { copy, read } = inputs;
  if (copy !== undefined && copy.seq === inputs.seq) return settled(compareWithCopy(leads, copy));
  if (read !== undefined) return settled(split(ids, leads, (id, i) => (read[i] !== undefined ? { stored: read[i] } : undefined)));
  // Keys first: only leads already stored are read back to compare (a first sync reads none).
  return storedLeadIds(db, ids).then(async (present) => {
    const existing = ids.filter((id) => present.has(id));
    const stored = new Map<string, Lead | undefined>();
    (await getLeads(db, existing)).forEach((lead, i) => stored.set(existing[i] as string, lead));
    return split(ids, leads, (id) => (present.has(id) ? { stored: stored.get(id) } : undefined));
  });
}

/** {@link compareWithStored} against the in-memory copy alone (the caller knows it is current, or only guesses). */
export function compareWithCopy(leads: ReadonlyMap<string, ValidatedLead>, copy: KnownLeads): BatchComparison {
  return split([...leads.keys()], leads, (id) => (copy.leads.has(id) ? { stored: copy.leads.content(id) } : undefined));
}

/** `lookup(id, index)`: undefined when the id is not stored, else its stored version. */
function split(ids: readonly string[], leads: ReadonlyMap<string, ValidatedLead>, lookup: (id: string, index: number) => { stored: Lead | undefined } | undefined): BatchComparison {
  const created: ValidatedLead[] = [];
  const updated: ValidatedLead[] = [];
  const replaced: StoredLeadChange[] = [];
  ids.forEach((id, i) => {
    const lead = leads.get(id) as ValidatedLead;
    const found = lookup(id, i);
    if (found === undefined) created.push(lead);
    else if (!found.stored || !sameLeadContent(found.stored, lead)) {
      updated.push(lead);
      if (found.stored) replaced.push({ lead, previous: found.stored });
    }
  });
  return { changed: [...created, ...updated], created: created.length, replaced };
}
