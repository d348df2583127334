import Dexie from 'dexie';
import type { CrmSegmentsDB } from '../db/database';
import { cellText, type MemberColumn, type MemberRow } from '../format/member-columns';
import { sortMembers, type MemberSort } from '../format/member-query';
import type { ValueFormatter } from '../format/value';

/**
 * Loads a segment's members: its membership rows (primary-key range `[segmentId+leadId]`, in
 * lead id order) joined with their leads. Memberships whose lead is missing are skipped.
 * Reads only, so it can run inside a Dexie `liveQuery` (which then re-runs when a membership of
 * the segment or one of the leads changes).
 */
export async function loadSegmentMembers(db: CrmSegmentsDB, segmentId: string): Promise<MemberRow[]> {
  const memberships = await db.memberships
    .where('[segmentId+leadId]')
    .between([segmentId, Dexie.minKey], [segmentId, Dexie.maxKey])
    .toArray();
  const leads = await db.leads.bulkGet(memberships.map((m) => m.leadId));
  const rows: MemberRow[] = [];
  memberships.forEach((membership, i) => {
    const lead = leads[i];
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
