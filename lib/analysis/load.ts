import { getConvertedStatuses, historyOfSegment, leadStatusesById, memberIds, statusesOfLeads, type CrmSegmentsDB } from '../db';
import type { Segment, SegmentHistory } from '../schema';
import type { CompareRow } from './compare';
import { conversionOf, type Conversion } from './conversion';
import { dailySeries, windowTotals, type DayPoint, type WindowTotals } from './history-series';

/** Everything the analysis tab shows for one segment (docs/semantics.md §8). */
export interface SegmentAnalysis {
  segmentId: string;
  /** Member count now (membership rows, docs/semantics.md §2). */
  members: number;
  /** Daily member counts from the first history day to `today`. */
  series: DayPoint[];
  last7: WindowTotals;
  last30: WindowTotals;
  conversion: Conversion;
  /** The statuses that counted as converted. */
  convertedStatuses: string[];
}

/** Window figures of one segment from its history rows. */
function windows(rows: readonly SegmentHistory[], today: string): { last7: WindowTotals; last30: WindowTotals } {
  return { last7: windowTotals(rows, today, 7), last30: windowTotals(rows, today, 30) };
}

/**
 * Reads one segment's analysis: history rows, members (through lib/db/memberships) and their
 * statuses, and the converted-statuses setting. `today` is "YYYY-MM-DD" in the evaluation time
 * zone (the zone of the history days). Reads only, so it can run in a Dexie `liveQuery`.
 */
export async function loadSegmentAnalysis(db: CrmSegmentsDB, segmentId: string, today: string): Promise<SegmentAnalysis> {
  const [rows, ids, convertedStatuses] = await Promise.all([historyOfSegment(db, segmentId), memberIds(db, segmentId), getConvertedStatuses(db)]);
  const statuses = await statusesOfLeads(db, ids);
  return {
    segmentId,
    members: ids.length,
    series: dailySeries(rows, today),
    ...windows(rows, today),
    conversion: conversionOf(statuses, convertedStatuses),
    convertedStatuses,
  };
}

/**
 * Reads the compare view's rows (docs/semantics.md §8) for `segments` (the segments the user can see):
 * members, 30-day changes and conversion rate of each, the statuses read in one leads scan.
 * Unsorted (see `sortCompareRows`). Reads only.
 */
export async function loadComparison(db: CrmSegmentsDB, segments: readonly Segment[], today: string): Promise<CompareRow[]> {
  const [statusById, convertedStatuses] = await Promise.all([leadStatusesById(db), getConvertedStatuses(db)]);
  return Promise.all(
    segments.map(async (segment) => {
      const [rows, ids] = await Promise.all([historyOfSegment(db, segment.id), memberIds(db, segment.id)]);
      const conversion = conversionOf(
        ids.map((id) => statusById.get(id)),
        convertedStatuses,
      );
      const { last30 } = windows(rows, today);
      return {
        segmentId: segment.id,
        name: segment.name,
        color: segment.color,
        members: ids.length,
        added30: last30.added,
        removed30: last30.removed,
        conversionRate: conversion.rate,
      };
    }),
  );
}
