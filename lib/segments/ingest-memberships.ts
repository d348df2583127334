import { FEW_IDS, membershipsOfLeads, settled, type BlockReads, type CrmSegmentsDB } from '../db';
import type { Lead, Segment } from '../schema';
import type { CompiledSegment } from './predicates';
import { usesSegments } from './segment-graph';
import { membershipWhateverTheTime } from './time-bounds';

/** A stored lead about to be replaced: the incoming version and the stored one. */
export interface StoredLeadChange {
  lead: Lead;
  previous: Lead;
}

/**
 * Whether a segment's stored memberships are, for every stored lead, its rules applied to the
 * stored version (docs/semantics.md §5) — at some past evaluation time when the rules depend on
 * the time: an active segment without an error, without a pending refresh job, whose rules do not
 * depend on other segments. Only these let the single-lead path skip reading membership blocks.
 */
function settledEvaluation(segment: Segment, compiled: CompiledSegment | undefined, pendingJobs: ReadonlySet<string>): compiled is CompiledSegment & { ok: true } {
  return segment.status === 'active' && segment.error === undefined && !pendingJobs.has(segment.id) && !usesSegments(segment) && compiled !== undefined && compiled.ok;
}

/**
 * The stored memberships of `changes` in a settled segment, known without reading its blocks: the
 * stored version's verdict; for time-dependent rules, only when it holds whatever the time was
 * (`membershipWhateverTheTime`). Undefined when the blocks must be read.
 */
function knownMemberships(
  segment: Segment,
  compiled: CompiledSegment & { ok: true },
  changes: readonly StoredLeadChange[],
  compile: (segment: Segment) => CompiledSegment,
): boolean[] | undefined {
  const known: boolean[] = [];
  for (const { previous } of changes) {
    const was = compiled.predicate.timeDependent ? membershipWhateverTheTime(segment, previous, compile) : compiled.predicate(previous);
    if (was === undefined) return undefined;
    known.push(was);
  }
  return known;
}

/** Which memberships a replacement of stored leads can know without reading blocks (see {@link planLookups}). */
export interface LookupPlan {
  /** Segments whose blocks must be read to know the stored memberships. */
  toRead: Set<string>;
  /** Stored memberships known without reading (settled segments). */
  implied: Array<{ segmentId: string; leadId: string }>;
  /** Settled segments the incoming versions move in or out: their blocks will be rewritten. */
  moving: Set<string>;
}

/**
 * Plans the look-up of the stored memberships of `changes` (no I/O): for a settled segment (see
 * `settledEvaluation`) a stored lead is a member iff the rules accept its stored version
 * (whatever the time, for time-dependent rules), so nothing is read; every other segment
 * (inactive ones too, for the badges) is read from its blocks.
 */
export function planLookups(
  changes: readonly StoredLeadChange[],
  segments: readonly Segment[],
  compile: (segment: Segment) => CompiledSegment,
  pendingJobs: ReadonlySet<string>,
): LookupPlan {
  const plan: LookupPlan = { toRead: new Set(), implied: [], moving: new Set() };
  if (changes.length === 0) return plan;
  for (const segment of segments) {
    const compiled = segment.status === 'active' && !usesSegments(segment) ? compile(segment) : undefined;
    const known = settledEvaluation(segment, compiled, pendingJobs) ? knownMemberships(segment, compiled, changes, compile) : undefined;
    if (!known) {
      plan.toRead.add(segment.id);
      continue;
    }
    changes.forEach(({ lead }, i) => {
      if (known[i]) plan.implied.push({ segmentId: segment.id, leadId: lead.id });
      if (known[i] !== (compiled as CompiledSegment & { ok: true }).predicate(lead)) plan.moving.add(segment.id);
    });
  }
  return plan;
}

/**
 * The current memberships (segment id, lead id) of stored leads an ingest is about to replace,
 * reading only the membership blocks it must (issue 10: one changed lead with 50 active segments;
 * see {@link planLookups}); the blocks read, and those of the segments the leads move in or out
 * of, are kept in `reads` for the write that follows. Call inside the ingest's transaction.
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
  const { toRead, implied, moving } = planLookups(changes, segments, compile, pendingJobs);
  const leadIds = changes.map((c) => c.lead.id);
  // The blocks the membership write will rewrite, read in this round trip instead of on its path.
  const [read] = await Promise.all([
    membershipsOfLeads(db, leadIds, toRead, reads),
    reads && leadIds.length <= FEW_IDS ? reads.prefetch(db, moving, leadIds) : settled(undefined),
  ]);
  return [...read, ...implied];
}
