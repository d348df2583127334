/**
 * Segments built on segments (docs/semantics.md, "Segment membership"): which segment refers to
 * which, cycles, the order to evaluate them in (inner before outer), and the member lookups the
 * engine's `EvalContext.segmentMembers` needs. Pure: callers read segments and memberships.
 */
import type { SegmentMemberSet, SegmentMembersLookup } from '../engine';
import { referencedSegments, type Segment } from '../schema';

type SegmentRef = Pick<Segment, 'id' | 'name' | 'rules'>;

const NO_MEMBERS: SegmentMemberSet = { has: () => false };

/** True when a rule set refers to at least one other segment. */
export function usesSegments(segment: Pick<Segment, 'rules'>): boolean {
  return referencedSegments(segment.rules).length > 0;
}

/**
 * A cycle of segments referring to each other, as the segments' names from `start` back to it
 * ("A" → "B" → "A"), or null. `segments` is every stored segment; `candidate` (new or edited)
 * replaces the stored one with its id.
 */
export function findCycle(segments: readonly SegmentRef[], candidate: SegmentRef): string[] | null {
  const byId = new Map(segments.map((s) => [s.id, s]));
  byId.set(candidate.id, candidate);
  const path: string[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string): boolean => {
    if (id === candidate.id && path.length > 0) return true;
    if (visiting.has(id) || done.has(id)) return false;
    const segment = byId.get(id);
    if (!segment) return false;
    visiting.add(id);
    path.push(segment.name);
    for (const next of referencedSegments(segment.rules)) if (visit(next)) return true;
    path.pop();
    visiting.delete(id);
    done.add(id);
    return false;
  };
  return visit(candidate.id) ? [...path, candidate.name] : null;
}

/** The message for a rejected cycle, e.g. `Segment membership cannot go round in a circle: "A" → "B" → "A".` */
export function cycleMessage(names: readonly string[]): string {
  return `Segment membership rules cannot go round in a circle: ${names.map((n) => `"${n}"`).join(' → ')}.`;
}

/**
 * `segments` ordered so that every segment comes after the segments it refers to (inner before
 * outer; otherwise the input order is kept). Segments on a cycle come last, in input order, and
 * are listed in `cyclic`.
 */
export function dependencyOrder<T extends Pick<Segment, 'id' | 'rules'>>(segments: readonly T[]): { ordered: T[]; cyclic: Set<string> } {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const ordered: T[] = [];
  // 'visiting' while on the current path; afterwards whether the segment is free of cycles.
  const state = new Map<string, 'visiting' | boolean>();
  const cyclic = new Set<string>();
  const visit = (segment: T): boolean => {
    const seen = state.get(segment.id);
    if (seen !== undefined) return seen === true;
    state.set(segment.id, 'visiting');
    let ok = true;
    for (const id of referencedSegments(segment.rules)) {
      const inner = byId.get(id);
      if (inner && !visit(inner)) ok = false;
    }
    state.set(segment.id, ok);
    if (ok) ordered.push(segment);
    else cyclic.add(segment.id);
    return ok;
  };
  segments.forEach(visit);
  return { ordered: [...ordered, ...segments.filter((s) => cyclic.has(s.id))], cyclic };
}

/** Ids of the segments whose rules refer to segment `id` directly. */
export function dependentsOf<T extends Pick<Segment, 'id' | 'rules'>>(segments: readonly T[], id: string): T[] {
  return segments.filter((s) => s.id !== id && referencedSegments(s.rules).includes(id));
}

/**
 * A `segmentMembers` lookup over the memberships of a known set of leads: `segmentsOfLead` maps
 * a lead id to the ids of the segments it belongs to (read from storage, and kept current by the
 * caller while it applies changes). Segments not in `existing` are unknown (the rule is invalid).
 * Only leads in the map can be members: use it for predicates run on those leads only.
 */
export function membershipLookup(existing: ReadonlySet<string>, segmentsOfLead: ReadonlyMap<string, ReadonlySet<string>>): SegmentMembersLookup {
  return (segmentId) =>
    existing.has(segmentId) ? { has: (leadId) => segmentsOfLead.get(leadId)?.has(segmentId) ?? false } : undefined;
}

/**
 * A lookup that knows which segments exist but no members: enough to validate rules and to tell
 * whether they are time-dependent, never to evaluate leads.
 */
export function existenceLookup(existing: ReadonlySet<string>): SegmentMembersLookup {
  return (segmentId) => (existing.has(segmentId) ? NO_MEMBERS : undefined);
}

/** Lead id → ids of its segments, from membership rows. */
export function segmentsByLead(rows: Iterable<{ segmentId: string; leadId: string }>, leadIds: Iterable<string> = []): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const id of leadIds) map.set(id, new Set());
  for (const row of rows) {
    let set = map.get(row.leadId);
    if (!set) map.set(row.leadId, (set = new Set()));
    set.add(row.segmentId);
  }
  return map;
}
