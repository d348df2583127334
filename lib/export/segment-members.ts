import { segmentMembers } from '../db/member-rows';
import type { CrmSegmentsDB } from '../db/database';
import { cellText, type MemberColumn, type MemberRow } from '../format/member-columns';
import { sortMembers, type MemberSort } from '../format/member-query';
import type { ValueFormatter } from '../format/value';

/**
 * Loads a segment's members: its memberships (in lead-id order) joined with their leads.
 * Memberships whose lead is missing are skipped. Reads through `lib/db` (`segmentMembers`), so it
 * can run inside a Dexie `liveQuery`.
 */
export async function loadSegmentMembers(db: CrmSegmentsDB, segmentId: string): Promise<MemberRow[]> {
  return segmentMembers(db, segmentId);
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
 * The first `count` rows of a segment's whole member list, sorted and formatted as cell text
 * (every member is read and sorted; the side panel itself paints a first page before that). `total` is the member count.
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
