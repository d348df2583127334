import {
  refreshTransaction,
  storedLeadCount,
  deleteJob,
  getJob,
  getJobOfSegment,
  getSegment,
  listCustomFields,
  listSegments,
  memberIdsInRange,
  membershipsOfLeads,
  putJob,
  putSegment,
  refreshJobId,
  type CrmSegmentsDB,
} from '../db';
import type { RefreshJob, Segment } from '../schema';
import { dayInTimeZone } from './day';
import { commitMembershipDiff } from './membership-changes';
import { readChunkLeads, type RefreshLeadCopy } from './refresh-leads';
import { segmentCompiler } from './predicates';
import { cycleMessage, dependencyOrder, dependentsOf, findCycle, membershipLookup, segmentsByLead, usesSegments } from './segment-graph';

/**
 * Leads evaluated per chunk transaction (docs/semantics.md §5), read from IndexedDB or from the
 * in-memory copy alike (measured: 10,000 from the copy was no faster at 100k, and a small chunk
 * keeps "Refreshing… N of M" moving and the tables free for other readers).
 */
export const DEFAULT_CHUNK_SIZE = 2000;

/**
 * Creates — or restarts, keeping the one-job-per-segment id — the full-refresh job of a segment
 * (docs/semantics.md §5). `now` (epoch ms) becomes the job's fixed evaluation time. Call inside a
 * `writeTransaction` when it must commit with other writes.
 */
export async function enqueueRefresh(db: CrmSegmentsDB, segment: Segment, now: number): Promise<RefreshJob> {
  return putJob(db, {
    id: refreshJobId(segment.id),
    kind: 'refresh',
    segmentId: segment.id,
    rulesVersion: segment.rulesVersion,
    processed: 0,
    total: await storedLeadCount(db),
    startedAt: now,
    updatedAt: now,
    now,
  });
}

/** Options of a refresh run. */
export interface RefreshRunOptions {
  /** Evaluation time zone (IANA): date rules and the history row's day. */
  timeZone: string;
  /** Leads per chunk transaction; default {@link DEFAULT_CHUNK_SIZE}. */
  chunkSize?: number;
  /** The background's in-memory lead copy (`LeadMemory.known`): used when current, else leads are read. */
  known?: () => RefreshLeadCopy | undefined;
  /** Wall clock (epoch ms) for `addedAt`, history day and `lastRefreshedAt`; default `Date.now`. */
  clock?: () => number;
  /** Asked before each chunk; `true` stops the run, leaving the job persisted to resume later. */
  shouldStop?: () => boolean;
  /** Called after each committed chunk. */
  onProgress?: (progress: RefreshProgress) => void;
}

/** Progress after one committed chunk. `changedLeadIds`: leads whose membership changed in it. */
export interface RefreshProgress {
  jobId: string;
  segmentId: string;
  processed: number;
  total: number;
  done: boolean;
  changedLeadIds: string[];
}

/**
 * How a run ended: `done` (segment up to date, job deleted); `stopped` (`shouldStop` said so; the
 * job stays for a resume); `cancelled` (job, segment gone or segment inactive; job deleted);
 * `invalid` (rules do not compile, e.g. an undefined custom field: `error` set on the segment,
 * memberships left as they were, job deleted — docs/semantics.md §3 rule 9).
 */
export interface RefreshOutcome {
  status: 'done' | 'stopped' | 'cancelled' | 'invalid';
  jobId: string;
  segmentId?: string;
  processed: number;
  total: number;
  error?: string;
}

type ChunkResult = { kind: 'progress'; progress: RefreshProgress } | { kind: 'end'; outcome: RefreshOutcome; progress?: RefreshProgress };

/**
 * One chunk in one transaction (docs/semantics.md §5): the next `chunkSize` leads after the job's cursor in
 * primary-key order, the segment's existing memberships in the same lead-id range, the difference
 * applied with memberCount and today's history row, and the cursor advanced — all or nothing.
 * Segment membership rules read the other segments' memberships of the chunk's leads; a segment
 * on a cycle is invalid. The last chunk enqueues a refresh of every active segment built on this one.
 */
async function refreshChunk(
  db: CrmSegmentsDB,
  jobId: string,
  chunkSize: number,
  known: (() => RefreshLeadCopy | undefined) | undefined,
  timeZone: string,
  now: number,
  leadCount: number,
): Promise<ChunkResult> {
  let job = await getJob(db, jobId);
  if (!job) return { kind: 'end', outcome: { status: 'cancelled', jobId, processed: 0, total: 0 } };
  const segment = await getSegment(db, job.segmentId);
  if (!segment || segment.status !== 'active') {
    await deleteJob(db, jobId);
    return { kind: 'end', outcome: { status: 'cancelled', jobId, segmentId: job.segmentId, processed: job.processed, total: job.total } };
  }
  if (segment.rulesVersion !== job.rulesVersion) {
    // Rules edited while this job ran (without re-enqueueing): start over with the new rules.
    const { cursor: _dropped, ...rest } = job;
    job = { ...rest, rulesVersion: segment.rulesVersion, processed: 0, startedAt: now, now };
  }
  const segments = await listSegments(db);
  // Segment membership rules read the inner segments' memberships of this chunk's leads.
  const segmentsOfLead = new Map<string, Set<string>>();
  const segmentMembers = membershipLookup(new Set(segments.map((s) => s.id)), segmentsOfLead);
  let compiled = segmentCompiler(db, { now: job.now, timeZone, customFields: await listCustomFields(db), segmentMembers })(segment);
  if (compiled.ok && usesSegments(segment) && dependencyOrder(segments).cyclic.has(segment.id)) {
    compiled = { ok: false, error: cycleMessage(findCycle(segments, segment) ?? [segment.name, segment.name]) };
  }
  if (!compiled.ok) {
    if (segment.error !== compiled.error) await putSegment(db, { ...segment, error: compiled.error });
    await deleteJob(db, jobId);
    return {
      kind: 'end',
      outcome: { status: 'invalid', jobId, segmentId: segment.id, processed: job.processed, total: job.total, error: compiled.error },
    };
  }
  const chunk = await readChunkLeads(db, job.cursor, chunkSize, known);
  const { ids, last } = chunk;
  const through = last ? undefined : ids[ids.length - 1];
  if (usesSegments(segment)) {
    for (const [leadId, ofLead] of segmentsByLead(await membershipsOfLeads(db, ids), ids)) segmentsOfLead.set(leadId, ofLead);
  }
  const members = new Set(await memberIdsInRange(db, segment.id, job.cursor, through));
  const add: string[] = [];
  const remove: string[] = [];
  const matches = chunk.evaluate(compiled.predicate);
  ids.forEach((leadId, i) => {
    const wasMember = members.delete(leadId);
    if (matches[i] && !wasMember) add.push(leadId);
    else if (!matches[i] && wasMember) remove.push(leadId);
  });
  // Members left over in the range have no lead row (should not happen): they go too.
  for (const leadId of members) remove.push(leadId);

  const patch: Partial<Segment> | undefined = last
    ? { lastRefreshedAt: now, error: undefined }
    : segment.error !== undefined
      ? { error: undefined }
      : undefined;
  await commitMembershipDiff(db, segment, { add, remove }, { now, day: dayInTimeZone(now, timeZone) }, { patch, recordHistory: last });

  const processed = job.processed + ids.length;
  const total = Math.max(leadCount, processed);
  const progress: RefreshProgress = { jobId, segmentId: segment.id, processed, total, done: last, changedLeadIds: [...add, ...remove] };
  if (last) {
    await deleteJob(db, jobId);
    // Segments built on this one see its new members only after their own refresh.
    for (const dependent of dependentsOf(segments, segment.id)) {
      if (dependent.status === 'active') await enqueueRefresh(db, dependent, now);
    }
    return { kind: 'end', outcome: { status: 'done', jobId, segmentId: segment.id, processed, total }, progress };
  }
  await putJob(db, { ...job, cursor: through, processed, total, updatedAt: now });
  return { kind: 'progress', progress };
}

/**
 * Runs a persisted full-refresh job chunk by chunk until it is done or `shouldStop` returns true
 * (docs/semantics.md §5). Every chunk re-reads the job row, so a job restarted meanwhile (rules edited,
 * reactivated, manual refresh) continues from its new start, and a run interrupted by a
 * service-worker shutdown resumes from the persisted cursor with the same `job.now`.
 * Errors from the store propagate (the job stays and can be resumed).
 */
export async function runRefreshJob(db: CrmSegmentsDB, jobId: string, options: RefreshRunOptions): Promise<RefreshOutcome> {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const clock = options.clock ?? Date.now;
  for (;;) {
    if (options.shouldStop?.()) {
      const job = await getJob(db, jobId);
      return job
        ? { status: 'stopped', jobId, segmentId: job.segmentId, processed: job.processed, total: job.total }
        : { status: 'cancelled', jobId, processed: 0, total: 0 };
    }
    // The kept lead count (one keyed read, outside the chunk's transaction), never a full count.
    const leadCount = await storedLeadCount(db);
    const result = await refreshTransaction(db, () => refreshChunk(db, jobId, chunkSize, options.known, options.timeZone, clock(), leadCount));
    if (result.kind === 'progress') {
      options.onProgress?.(result.progress);
      continue;
    }
    if (result.progress) options.onProgress?.(result.progress);
    return result.outcome;
  }
}

/** The pending refresh job of a segment (progress for the UI: `processed` / `total`), or undefined. */
export function refreshJobOf(db: CrmSegmentsDB, segmentId: string): Promise<RefreshJob | undefined> {
  return getJobOfSegment(db, segmentId);
}
