import { getSegments, membershipsOfLeads, type CrmSegmentsDB } from '../db';
import type { BadgeSegment } from '../messaging/protocol';
import type { Segment } from '../schema';

/**
 * The badge chips of each requested lead (docs/semantics.md §1): lead id → the segments it is a member of,
 * sorted by name (case-insensitive). Every requested id is a key (`[]` when it has none).
 * Inactive segments count: their members are frozen, not gone. Uses the `leadId` index.
 */
export async function membershipsForLeads(db: CrmSegmentsDB, leadIds: readonly string[]): Promise<Record<string, BadgeSegment[]>> {
  const memberships: Record<string, string[]> = {};
  for (const id of leadIds) memberships[id] = [];
  for (const m of await membershipsOfLeads(db, Object.keys(memberships))) memberships[m.leadId]?.push(m.segmentId);
  return badgeChips(db, memberships);
}

/**
 * The badge chips for memberships already known (e.g. the difference an ingest computed, issue 12
 * item 3): lead id → its segment ids becomes lead id → chips (name, colour), sorted by name as
 * {@link membershipsForLeads} sorts them. Reads only the segments named, never the memberships;
 * a segment that no longer exists is left out.
 */
export async function badgeChips(db: CrmSegmentsDB, memberships: Readonly<Record<string, readonly string[]>>): Promise<Record<string, BadgeSegment[]>> {
  const segmentIds = [...new Set(Object.values(memberships).flat())];
  const segments = new Map<string, Segment>();
  (await getSegments(db, segmentIds)).forEach((s) => s && segments.set(s.id, s));
  const result: Record<string, BadgeSegment[]> = {};
  for (const [leadId, ids] of Object.entries(memberships)) {
    const chips: BadgeSegment[] = [];
    for (const id of ids) {
      const segment = segments.get(id);
      if (segment) chips.push({ id: segment.id, name: segment.name, color: segment.color });
    }
    result[leadId] = chips.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
  }
  return result;
}
