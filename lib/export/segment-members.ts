import { countLeads, getLeads, listLeads, membershipsOfSegment, type CrmSegmentsDB } from '../db';
import type { Lead } from '../schema';
import { cellText, type MemberColumn, type MemberRow } from '../format/member-columns';
import { sortMembers, type MemberSort } from '../format/member-query';
import type { ValueFormatter } from '../format/value';

/**
 * Share of all leads above which a segment's leads are read with one table scan (`getAll`)
 * instead of one `get` per member: measured in Chromium, a `get` per key costs about twice as
 * much per lead as a scan, so scanning wins once members are more than ~40% of the leads.
 */
export const SCAN_SHARE = 0.4;

/**
 * Loads a segment's members: its memberships (in lead id order) joined with their leads. Memberships whose lead is missing are skipped.
 * Large segments read the leads table in one scan, small ones per key ({@link SCAN_SHARE}).
 * Reads only, so it can run inside a Dexie `liveQuery` (which then re-runs when a membership of
 * the segment or one of the leads read changes).
 */
export async function loadSegmentMembers(db: CrmSegmentsDB, segmentId: string): Promise<MemberRow[]> {
  const memberships = await membershipsOfSegment(db, segmentId);
  if (memberships.length === 0) return [];
  const leadCount = await countLeads(db);
  let leadOf: (leadId: string, index: number) => Lead | undefined;
  if (memberships.length > leadCount * SCAN_SHARE) {
    const byId = new Map<string, Lead>();
    for (const lead of await listLeads(db)) byId.set(lead.id, lead);
    leadOf = (leadId) => byId.get(leadId);
  } else {
    const leads = await getLeads(db, memberships.map((m) => m.leadId));
    leadOf = (_leadId, index) => leads[index];
  }
  const rows: MemberRow[] = [];
  memberships.forEach((membership, i) => {
    const lead = leadOf(membership.leadId, i);
    if (lead) rows.push({ lead, addedAt: membership.addedAt });
  });
  return rows;
}

/** Options of {@link firstRows}. */
export interface FirstRowsOptions {
  columns: readonly MemberColumn[];
  sort: MemberSort;
  formatter: ValueFormatter;
  /** How many rows to format (what one screen shows), e.g. 30. */
  count: number;
}

/**
 * What the side panel needs before it can paint a segment's table: every member loaded and
 * sorted, and the first `count` rows formatted as cell text. `total` is the member count.
 * A pure function of the database, so benchmarks can time "time to first rows" without a UI.
 */
export async function firstRows(
  db: CrmSegmentsDB,
  segmentId: string,
  options: FirstRowsOptions,
): Promise<{ total: number; rows: string[][] }> {
  const members = await loadSegmentMembers(db, segmentId);
  const sorted = sortMembers(members, options.columns, options.sort, options.formatter.context.locale);
  const rows = sorted.slice(0, options.count).map((row) => options.columns.map((c) => cellText(row, c, options.formatter)));
  return { total: members.length, rows };
}
