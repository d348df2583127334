import { changeMembershipsOf, changeMembershipsOfMany, putSegment, putSegments, recordHistories, recordHistory, settled, type BlockReads, type CrmSegmentsDB, type HistoryReads } from '../db';
import type { Segment } from '../schema';

/** A membership difference for one segment, by lead id. */
export interface MembershipDiff {
  add: readonly string[];
  remove: readonly string[];
}

/** When and in which calendar day the change happens. */
export interface ChangeTime {
  /** Epoch ms: `addedAt` of new memberships. */
  now: number;
  /** "YYYY-MM-DD" in the evaluation time zone: the history row to update. */
  day: string;
}

/**
 * Applies one segment's membership difference: adds/removes the rows, moves `memberCount` by the
 * difference and records today's SegmentHistory row with the new count (docs/semantics.md §2, §5). Call inside
 * `writeTransaction` together with whatever else must commit atomically. `patch` sets extra
 * segment fields in the same write (e.g. `error`, `lastRefreshedAt`); with `recordHistory`
 * the day's row is written even when the difference is empty. Returns the stored segment.
 *
 * The caller guarantees `add` holds only non-members and `remove` only members (it diffed against
 * the stored rows in the same transaction), so the count stays equal to the rows.
 */
export function commitMembershipDiff(
  db: CrmSegmentsDB,
  segment: Segment,
  diff: MembershipDiff,
  at: ChangeTime,
  options: { patch?: Partial<Segment>; recordHistory?: boolean } = {},
): Promise<Segment> {
  const changed = diff.add.length > 0 || diff.remove.length > 0;
  // A Dexie promise on the no-op path too (see `settled` in lib/db/validation.ts).
  if (!changed && !options.patch && !options.recordHistory) return settled(segment);
  return applyMembershipDiff(db, segment, diff, at, changed, options);
}

async function applyMembershipDiff(
  db: CrmSegmentsDB,
  segment: Segment,
  diff: MembershipDiff,
  at: ChangeTime,
  changed: boolean,
  options: { patch?: Partial<Segment>; recordHistory?: boolean },
): Promise<Segment> {
  await changeMembershipsOf(db, segment.id, diff, at.now);
  const memberCount = segment.memberCount + diff.add.length - diff.remove.length;
  const next: Segment = withoutUndefined({ ...segment, ...options.patch, memberCount });
  const stored = await putSegment(db, next);
  if (changed || options.recordHistory) {
    await recordHistory(db, {
      segmentId: segment.id,
      day: at.day,
      count: memberCount,
      added: diff.add.length,
      removed: diff.remove.length,
    });
  }
  return stored;
}

/** One segment's difference for {@link commitMembershipDiffs}, with extra segment fields to set. */
export interface SegmentDiff {
  segment: Segment;
  diff: MembershipDiff;
  patch?: Partial<Segment>;
}

/**
 * {@link commitMembershipDiff} for many segments in one go (a single-lead ingest with 50 active
 * segments): the membership blocks of every segment are read and rewritten together (reusing the
 * blocks and the day's history rows `reads` holds from the reads before, see `BlockReads` and
 * `HistoryReads`), and the segment rows and the
 * day's history rows are written in one request each, side by side, so the cost is a few round
 * trips instead of several per segment. Entries with neither a difference nor a patch are skipped.
 * One entry per segment. Call inside `writeTransaction`. Returns the stored segments of the entries written.
 */
export async function commitMembershipDiffs(
  db: CrmSegmentsDB,
  entries: readonly SegmentDiff[],
  at: ChangeTime,
  reads?: { blocks?: BlockReads; history?: HistoryReads },
): Promise<Segment[]> {
  const work = entries.filter((e) => e.patch || e.diff.add.length > 0 || e.diff.remove.length > 0);
  if (work.length === 0) return settled([]);
  const next = work.map(({ segment, diff, patch }) => withoutUndefined({ ...segment, ...patch, memberCount: segment.memberCount + diff.add.length - diff.remove.length }));
  const history = work.flatMap(({ segment, diff }, i) =>
    diff.add.length > 0 || diff.remove.length > 0 ? [{ segmentId: segment.id, count: (next[i] as Segment).memberCount, added: diff.add.length, removed: diff.remove.length }] : [],
  );
  const [, stored] = await Promise.all([
    changeMembershipsOfMany(db, work.map((e) => ({ segmentId: e.segment.id, ...e.diff })), at.now, reads?.blocks),
    putSegments(db, next),
    history.length > 0 ? recordHistories(db, at.day, history, reads?.history) : settled([]),
  ]);
  return stored;
}

/** Removes `undefined`-valued keys, so an optional field can be cleared in a `patch`. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
