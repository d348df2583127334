import { isExactLead, LeadSchema, type Lead, type z } from '../schema';
import type { CrmSegmentsDB } from './database';
import { adjustLeadCount, keptLeadCount, setKeptLeadCount } from './lead-count';
import { announceLeadWrite, leadWriteSeq, nextLeadWriteSeq } from './lead-writes';
import { putRows } from './raw-put';
import { rejected, settled, validatedAll } from './validation';

/** The stored leads for `ids`, in the same order (`undefined` where none is stored). */
export function getLeads(db: CrmSegmentsDB, ids: readonly string[]): Promise<Array<Lead | undefined>> {
  return db.leads.bulkGet([...ids]);
}

/** One stored lead, or `undefined`. */
export function getLead(db: CrmSegmentsDB, id: string): Promise<Lead | undefined> {
  return db.leads.get(id);
}

declare const validatedLead: unique symbol;

/** A lead that passed `LeadSchema` in {@link parseLead}; only such leads skip re-validation on write. */
export type ValidatedLead = Lead & { readonly [validatedLead]: true };

/**
 * Validates one raw record with `LeadSchema` (the ingest boundary). A record already in the exact
 * form `LeadSchema` outputs is accepted as it is by its fast twin `isExactLead`; any other goes
 * through Zod (which strips unknown keys and words the errors).
 */
export function parseLead(raw: unknown): { ok: true; lead: ValidatedLead } | { ok: false; error: z.ZodError } {
  if (isExactLead(raw)) return { ok: true, lead: raw as ValidatedLead };
  const parsed = LeadSchema.safeParse(raw);
  return parsed.success ? { ok: true, lead: parsed.data as ValidatedLead } : { ok: false, error: parsed.error };
}

/** Ids among `ids` that have a stored lead (keys only: no lead is read). */
export async function storedLeadIds(db: CrmSegmentsDB, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return settled(new Set<string>());
  return new Set((await db.leads.where(':id').anyOf([...ids]).primaryKeys()) as string[]);
}

/** The lead write sequence and the kept lead count, as read in the caller's transaction ({@link leadRowsState}). */
export interface LeadRowsState {
  seq: number;
  count: number | null;
}

/** Reads {@link LeadRowsState} (both meta rows side by side). Inside the transaction that then writes leads. */
export async function leadRowsState(db: CrmSegmentsDB): Promise<LeadRowsState> {
  const [seq, count] = await Promise.all([leadWriteSeq(db), keptLeadCount(db)]);
  return { seq, count };
}

/**
 * {@link putValidatedLeads} inside the caller's transaction (over leads and meta), the sequence and
 * count known: every write issued at once, no read and no nested transaction (whose lock would
 * hold the caller's other requests back until it ends).
 */
async function putKnowingState(
  db: CrmSegmentsDB,
  leads: readonly ValidatedLead[],
  newCount: number,
  state: { seq: number; count: number },
  countMissing = false,
): Promise<void> {
  const [seq] = await Promise.all([
    nextLeadWriteSeq(db, state.seq),
    newCount !== 0 || countMissing ? setKeptLeadCount(db, state.count + newCount) : settled(undefined),
    putRows(db, 'leads', leads),
  ]);
  announceLeadWrite(db, { kind: 'put', leads, seq });
}

/**
 * Stores leads that {@link parseLead} validated (the type guarantees it), without parsing them a
 * second time — ingest validates each record once, at the boundary, before this write. Ids must be
 * unique. `newCount`: how many of them are not stored yet, when the caller knows (else looked up);
 * the kept lead count (`lead-count.ts`) moves by it in the same transaction. `state`: the
 * sequence and count read earlier in the caller's transaction (with `newCount` and a kept count,
 * nothing is read and no nested transaction is opened; the caller's transaction must cover leads and meta).
 */
export function putValidatedLeads(db: CrmSegmentsDB, leads: readonly ValidatedLead[], newCount?: number, state?: LeadRowsState): Promise<void> {
  if (leads.length === 0) return settled(undefined);
  if (state && state.count !== null && newCount !== undefined) return putKnowingState(db, leads, newCount, { seq: state.seq, count: state.count });
  return db.transaction('rw', db.leads, db.meta, async () => {
    const [added, current] = await Promise.all([
      newCount ?? storedLeadIds(db, leads.map((lead) => lead.id)).then((stored) => leads.length - stored.size),
      leadRowsState(db),
    ]);
    // Without a kept count yet, the rows stored so far are counted (once), before the write.
    const count = current.count ?? (await db.leads.count());
    await putKnowingState(db, leads, added, { seq: current.seq, count }, current.count === null);
  });
}

/**
 * Stores (inserts or replaces) leads after validating every one with `LeadSchema`.
 * Throws `StoreValidationError` and writes nothing if any is invalid.
 */
export function putLeads(db: CrmSegmentsDB, leads: readonly Lead[]): Promise<void> {
  if (leads.length === 0) return settled(undefined);
  let rows: Lead[];
  try {
    rows = validatedAll(LeadSchema, leads, 'lead');
  } catch (error) {
    return rejected(error);
  }
  const unique = [...new Map(rows.map((lead) => [lead.id, lead])).values()];
  return putValidatedLeads(db, unique as ValidatedLead[]);
}

/**
 * Up to `limit` leads in primary-key (id) order whose id is strictly greater than `afterId`
 * (from the first lead when `afterId` is undefined). The chunk reader of full refreshes and previews.
 */
export function leadsAfter(db: CrmSegmentsDB, afterId: string | undefined, limit: number): Promise<Lead[]> {
  return leadsAfterCollection(db, afterId, limit).toArray();
}

/** The ids (primary keys only, no lead read) of {@link leadsAfter}'s leads: up to `limit`, in id order, after `afterId`. */
export function leadIdsAfter(db: CrmSegmentsDB, afterId: string | undefined, limit: number): Promise<string[]> {
  return leadsAfterCollection(db, afterId, limit).primaryKeys() as Promise<string[]>;
}

/** The first `limit` leads after `afterId` in id order, not read yet. */
function leadsAfterCollection(db: CrmSegmentsDB, afterId: string | undefined, limit: number) {
  return (afterId === undefined ? db.leads.toCollection() : db.leads.where(':id').above(afterId)).limit(limit);
}

/**
 * Reads up to `limit` leads after `afterId` (id order) and stores the ones `update` returns a new
 * version of (validated), in ONE transaction, so a sync writing meanwhile is never overwritten
 * with stale rows. Returns how many were read and changed, and the last id read (`undefined` at the end).
 */
export function updateLeadsAfter(
  db: CrmSegmentsDB,
  afterId: string | undefined,
  limit: number,
  update: (lead: Lead) => Lead | null,
): Promise<{ read: number; changed: number; lastId: string | undefined }> {
  return db.transaction('rw', db.leads, db.meta, async () => {
    const rows = await leadsAfter(db, afterId, limit);
    const changed = rows.flatMap((lead) => update(lead) ?? []);
    await putLeads(db, changed);
    return { read: rows.length, changed: changed.length, lastId: rows.length < limit ? undefined : rows.at(-1)?.id };
  });
}

/**
 * {@link leadsAfter} and the lead write sequence, read in one transaction: the rows as of that
 * sequence (the first chunk of a copy that then follows the writes, `watchLeadWrites`).
 */
export function leadsAfterAtSeq(db: CrmSegmentsDB, afterId: string | undefined, limit: number): Promise<{ leads: Lead[]; seq: number }> {
  return db.transaction('r', db.leads, db.meta, async () => {
    const seq = await leadWriteSeq(db);
    return { seq, leads: await leadsAfter(db, afterId, limit) };
  });
}

/** Every stored lead, in id order (one table scan; for reads that need most of the leads). */
export function listLeads(db: CrmSegmentsDB): Promise<Lead[]> {
  return db.leads.toArray();
}

/** Number of stored leads. */
export function countLeads(db: CrmSegmentsDB): Promise<number> {
  return db.leads.count();
}

/** Number of stored leads per CRM account (`crmKey` index), ordered by CRM key. */
export async function leadCountsByCrm(db: CrmSegmentsDB): Promise<Array<{ crmKey: string; count: number }>> {
  const keys = await db.leads.orderBy('crmKey').uniqueKeys();
  return Promise.all(keys.map(async (key) => ({ crmKey: String(key), count: await db.leads.where('crmKey').equals(key).count() })));
}

/** Ids of the stored leads of one CRM account (`crmKey` index). */
export function leadIdsOfCrm(db: CrmSegmentsDB, crmKey: string): Promise<string[]> {
  return db.leads.where('crmKey').equals(crmKey).primaryKeys() as Promise<string[]>;
}

/** Deletes lead rows by id (absent ones ignored), moving the kept lead count. Memberships are the caller's business (see lib/segments). */
export function deleteLeadRows(db: CrmSegmentsDB, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return settled(undefined);
  return db.transaction('rw', db.leads, db.meta, async () => {
    const present = await storedLeadIds(db, ids);
    await adjustLeadCount(db, -present.size);
    await db.leads.bulkDelete([...present]);
    announceLeadWrite(db, { kind: 'delete', ids: [...present], seq: await nextLeadWriteSeq(db) });
  });
}
