import { FEW_IDS, membershipsOfLeads, settled, type BlockReads, type CrmSegmentsDB } from '../db';
import type { Lead, Segment } from '../schema';
import type { CompiledSegment } from './predicates';
import { usesSegments } from './segment-graph';

/** A stored lead about to be replaced: the incoming version and the stored one. */
export interface StoredLeadChange {
  lead: Lead;
  previous: Lead;
}

/**
 * Whether a segment's stored memberships are, for every stored lead, exactly its rules applied to
 * the stored version (docs/semantics.md §5): an active segment without an error, without a pending
 * refresh job, whose rules depend on neither the time nor other segments. Only these let the
 * single-lead path skip reading membership blocks.
 */
function settledEvaluation(segment: Segment, compiled: CompiledSegment | undefined, pendingJobs: ReadonlySet<string>): compiled is CompiledSegment & { ok: true } {
  return (
    segment.status === 'active' &&
    segment.error === undefined &&
    !pendingJobs.has(segment.id) &&
    !usesSegments(segment) &&
    compiled !== undefined &&
    compiled.ok &&
    !compiled.predicate.timeDependent
  );
}

/**
 * The current memberships (segment id, lead id) of stored leads an ingest is about to replace,
 * reading only the membership blocks it must (issue 10: one changed lead with 50 active segments).
 * For a segment whose memberships follow its rules exactly (see `settledEvaluation`), a stored
 * lead is a member iff the rules accept its stored version, so nothing is read; every other
 * segment (inactive ones too, for the badges) is read from its blocks (kept in `reads` for the
 * write that follows). Call inside the ingest's transaction.
 */
export async function membershipsBeforeIngest(
  db: CrmSegmentsDB,
  changes: readonly StoredLeadChange[],
  segments: readonly Segment[],
  compile: (segment: Segment) => CompiledSegment,
  pendingJobs: ReadonlySet<string>,
  reads?: BlockReads,
): Promise<Array<{ segmentId: string; leadId: string }>> {
  if (changes.length === 0) return settled([]);
  const toRead = new Set<string>();
  const implied: Array<{ segmentId: string; leadId: string }> = [];
  // Settled segments the incoming versions move in or out: their blocks will be rewritten.
  const moving = new Set<string>();
  for (const segment of segments) {
    const compiled = segment.status === 'active' && !usesSegments(segment) ? compile(segment) : undefined;
    if (!settledEvaluation(segment, compiled, pendingJobs)) {
      toRead.add(segment.id);
      continue;
    }
    for (const { lead, previous } of changes) {
      const was = compiled.predicate(previous);
      if (was) implied.push({ segmentId: segment.id, leadId: lead.id });
      if (was !== compiled.predicate(lead)) moving.add(segment.id);
    }
  }
  const leadIds = changes.map((c) => c.lead.id);
  // The blocks the membership write will rewrite, read in this round trip instead of on its path.
  const [read] = await Promise.all([
    membershipsOfLeads(db, leadIds, toRead, reads),
    reads && leadIds.length <= FEW_IDS ? reads.prefetch(db, moving, leadIds) : settled(undefined),
  ]);
  return [...read, ...implied];
}
