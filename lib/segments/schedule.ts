import {
  deleteJob,
  getEvaluationTimeZone,
  getJobOfSegment,
  listCustomFields,
  listSegments,
  putSegment,
  refreshJobId,
  setEvaluationTimeZone,
  writeTransaction,
  type CrmSegmentsDB,
} from '../db';
import { segmentCompiler } from './predicates';
import { enqueueRefresh } from './refresh-job';
import { existenceLookup } from './segment-graph';

/**
 * Enqueues a full refresh, evaluated at `now`, for every active, valid segment whose rules are
 * time-dependent (docs/semantics.md §3 rule 7: relative date operators) — the alarm's job. One job per segment:
 * a pending job evaluated at an earlier time is restarted at `now` (otherwise it would finish with
 * stale date boundaries); one already at `now` or later is left alone. Inactive segments are
 * skipped (docs/semantics.md §5). Returns the ids of the segments (re)enqueued.
 */
export function scheduleTimeDependentRefresh(db: CrmSegmentsDB, now: number, options: { timeZone?: string } = {}): Promise<string[]> {
  return writeTransaction(db, ['segments', 'customFields', 'jobs', 'meta', 'leads'], async () => {
    const timeZone = options.timeZone ?? (await getEvaluationTimeZone(db));
    const segments = await listSegments(db);
    const segmentMembers = existenceLookup(new Set(segments.map((s) => s.id)));
    const compile = segmentCompiler(db, { now, timeZone, customFields: await listCustomFields(db), segmentMembers });
    const enqueued: string[] = [];
    for (const segment of segments) {
      if (segment.status !== 'active' || segment.error !== undefined) continue;
      const compiled = compile(segment);
      if (!compiled.ok || !compiled.predicate.timeDependent) continue;
      const pending = await getJobOfSegment(db, segment.id);
      if (pending && pending.now >= now && pending.rulesVersion === segment.rulesVersion) continue;
      await enqueueRefresh(db, segment, now);
      enqueued.push(segment.id);
    }
    return enqueued;
  });
}

/**
 * Re-checks every segment's rules against the stored custom field definitions, after they changed
 * (docs/semantics.md §3 rule 9). A segment that no longer compiles gets `error` set, its pending refresh
 * cancelled and its memberships left as they are; one that compiles again has `error` cleared
 * and, when active, a full refresh enqueued at `now`. Returns the ids that became invalid / valid.
 */
export function revalidateSegments(
  db: CrmSegmentsDB,
  options: { now: number; timeZone: string },
): Promise<{ invalid: string[]; recovered: string[] }> {
  return writeTransaction(db, ['segments', 'customFields', 'jobs', 'meta', 'leads'], async () => {
    const segments = await listSegments(db);
    const segmentMembers = existenceLookup(new Set(segments.map((s) => s.id)));
    const compile = segmentCompiler(db, { now: options.now, timeZone: options.timeZone, customFields: await listCustomFields(db), segmentMembers });
    const invalid: string[] = [];
    const recovered: string[] = [];
    for (const segment of segments) {
      const compiled = compile(segment);
      if (!compiled.ok) {
        if (segment.error !== compiled.error) {
          await putSegment(db, { ...segment, error: compiled.error });
          invalid.push(segment.id);
        }
        await deleteJob(db, refreshJobId(segment.id));
      } else if (segment.error !== undefined) {
        const { error: _cleared, ...rest } = segment;
        const next = await putSegment(db, rest);
        if (next.status === 'active') await enqueueRefresh(db, next, options.now);
        recovered.push(segment.id);
      }
    }
    return { invalid, recovered };
  });
}

/**
 * Changes the evaluation time zone (docs/semantics.md §3 rule 6; `null` = the runtime's) and, since calendar
 * days move with it, enqueues a full refresh at `now` for every active valid segment, in one
 * transaction. Throws `StoreValidationError` for an unknown zone (nothing written).
 */
export function changeEvaluationTimeZone(db: CrmSegmentsDB, timeZone: string | null, now: number): Promise<string[]> {
  return writeTransaction(db, ['meta', 'segments', 'jobs', 'leads'], async () => {
    await setEvaluationTimeZone(db, timeZone);
    const enqueued: string[] = [];
    for (const segment of await listSegments(db)) {
      if (segment.status !== 'active' || segment.error !== undefined) continue;
      await enqueueRefresh(db, segment, now);
      enqueued.push(segment.id);
    }
    return enqueued;
  });
}
