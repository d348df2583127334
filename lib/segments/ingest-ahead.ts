import { FEW_IDS, settled, type BlockReads, type CrmSegmentsDB, type HistoryReads, type ValidatedLead } from '../db';
import type { CustomFieldDef, RefreshJob, Segment } from '../schema';
import { compareWithCopy, type KnownLeads } from './ingest-compare';
import { planLookups } from './ingest-memberships';
import { segmentCompiler } from './predicates';
import { usesSegments } from './segment-graph';

/** The configuration rows the last ingest of a database read: a guess of what the next one reads. */
export interface SeenRows {
  segments: readonly Segment[];
  customFields: readonly CustomFieldDef[];
  jobs: readonly RefreshJob[];
}

/** Per database instance, so test databases and worker restarts never share a guess. */
const lastSeen = new WeakMap<object, SeenRows>();

/** Keeps what an ingest of `db` read, for {@link readAhead} of the next ingest. */
export function rememberSeen(db: CrmSegmentsDB, rows: SeenRows): void {
  lastSeen.set(db, rows);
}

/**
 * Reads ahead, alongside the first reads of a small ingest's transaction, the membership blocks
 * and the day's history rows it will most likely need (issue 10: one changed lead with 50 active
 * segments), so that its writes follow its first round trip directly. The guess is made from the
 * segments, custom fields and jobs the previous ingest read and from the in-memory lead copy,
 * whether current or not: it only chooses WHAT is read early. Nothing read is trusted on the
 * guess's word — the ingest plans from the rows it reads in its own transaction, and whatever the
 * guess missed is read then (`BlockReads` and `HistoryReads` keep each row read once). A Dexie
 * promise; call in the ingest's transaction before its first await.
 */
export function readAhead(
  db: CrmSegmentsDB,
  leads: ReadonlyMap<string, ValidatedLead>,
  copy: KnownLeads | undefined,
  at: { now: number; timeZone: string },
  reads: { blocks: BlockReads; history: HistoryReads },
): Promise<unknown> {
  const seen = lastSeen.get(db);
  if (!seen || !copy || leads.size > FEW_IDS) return settled(undefined);
  const { changed, replaced } = compareWithCopy(leads, copy);
  if (changed.length === 0) return settled(undefined);
  const compile = segmentCompiler(db, { ...at, customFields: [...seen.customFields] });
  const active = new Set(seen.segments.filter((s) => s.status === 'active').map((s) => s.id));
  const plan = planLookups(replaced, seen.segments, compile, new Set(seen.jobs.map((job) => job.segmentId)));
  // New leads: the blocks of the segments they enter.
  const created = changed.filter((lead) => !copy.leads.has(lead.id));
  const entering = new Set<string>();
  for (const segment of seen.segments) {
    if (created.length === 0 || !active.has(segment.id) || usesSegments(segment)) continue;
    const compiled = compile(segment);
    if (compiled.ok && created.some((lead) => compiled.predicate(lead))) entering.add(segment.id);
  }
  const replacedIds = replaced.map((c) => c.lead.id);
  return Promise.all([
    replacedIds.length > 0 ? reads.blocks.prefetch(db, new Set([...plan.toRead, ...plan.moving]), replacedIds) : settled(undefined),
    entering.size > 0 ? reads.blocks.prefetch(db, entering, created.map((lead) => lead.id)) : settled(undefined),
    reads.history.prefetch(db, [...plan.moving, ...entering, ...[...plan.toRead].filter((id) => active.has(id))]),
  ]);
}
