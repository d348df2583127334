import { getSegments, membershipsOfLeads, type CrmSegmentsDB } from '../db';
import type { BadgeSegment } from '../messaging/protocol';
import type { Segment } from '../schema';

/**
 * The badge chips of each requested lead (docs/semantics.md §1): lead id → the segments it is a member of,
 * sorted by name (case-insensitive). Every requested id is a key (`[]` when it has none).
 * Inactive segments count: their members are frozen, not gone. Uses the `leadId` index.
 */
export async function membershipsForLeads(db: CrmSegmentsDB, leadIds: readonly string[]): Promise<Record<string, BadgeSegment[]>> {
  const unique = [...new Set(leadIds)];
  const rows = await membershipsOfLeads(db, unique);
  const segmentIds = [...new Set(rows.map((m) => m.segmentId))];
  const segments = new Map<string, Segment>();
  (await getSegments(db, segmentIds)).forEach((s) => s && segments.set(s.id, s));
  const result: Record<string, BadgeSegment[]> = {};
  for (const id of unique) result[id] = [];
  for (const m of rows) {
    const segment = segments.get(m.segmentId);
    if (segment) result[m.leadId]?.push({ id: segment.id, name: segment.name, color: segment.color });
  }
  for (const chips of Object.values(result)) {
    chips.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
  }
  return result;
}
