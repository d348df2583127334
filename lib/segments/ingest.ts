import {
  BlockReads,
  getLeads,
  HistoryReads,
  keepConfigRows,
  leadRowsState,
  parseLead,
  readConfigRows,
  putValidatedLeads,
  settled,
  SEGMENT_TABLES,
  writeTransaction,
  type CrmSegmentsDB,
  type ValidatedLead,
} from '../db';
import type { IngestReport, SkippedRecord } from '../messaging/protocol';
import { formatZodError, type Segment } from '../schema';
import { dayInTimeZone } from './day';
import { readAhead, rememberSeen } from './ingest-ahead';
import { compareWithStored, type KnownLeads } from './ingest-compare';
import { countNulledValues } from './lead-content';
import { membershipsBeforeIngest } from './ingest-memberships';
import { commitMembershipDiffs, type SegmentDiff } from './membership-changes';
import { segmentCompiler } from './predicates';
import { enqueueRefresh } from './refresh-job';
import { dependencyOrder, membershipLookup } from './segment-graph';

/** Batches up to this many leads are read whole at once instead of by key first (one round trip less). */
const FEW_LEADS = 50;

export type { KnownLeads } from './ingest-compare';

/**
 * Evaluation time (epoch ms) and time zone (IANA) of an ingest; `known`: the background's
 * in-memory copy of the stored leads, compared against instead of reading stored leads when it is
 * current (see {@link KnownLeads}).
 */
export interface IngestOptions {
  now: number;
  timeZone: string;
  known?: () => KnownLeads | undefined;
}

/**
 * Outcome of an ingest. `changes`: for every lead whose memberships changed, the ids of all the
 * segments it belongs to now (any status) — what the badges of that lead must show.
 */
export interface IngestResult {
  report: IngestReport;
  changes: Record<string, string[]>;
  /** Whether a refresh job is pending after the ingest (one was queued before, or it queued one): the job runner needs a kick. */
  refreshPending: boolean;
}

/** How a skipped record is referred to: its id if it has one, else its 1-based position ("#3"). */
function recordRef(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
}

/** Validates a batch: valid leads by id (a later record with the same id wins) and the skipped ones. */
function validateBatch(rawLeads: readonly unknown[]): { leads: Map<string, ValidatedLead>; skipped: SkippedRecord[] } {
  const leads = new Map<string, ValidatedLead>();
  const skipped: SkippedRecord[] = [];
  rawLeads.forEach((raw, index) => {
    const parsed = parseLead(raw);
    if (!parsed.ok) {
      skipped.push({ ref: recordRef(raw, index), reason: formatZodError(parsed.error) });
      return;
    }
    if (leads.has(parsed.lead.id)) {
      skipped.push({ ref: parsed.lead.id, reason: 'superseded by a later record with the same id in this batch' });
    }
    leads.set(parsed.lead.id, parsed.lead);
  });
  return { leads, skipped };
}

/**
 * Stores a batch of leads incrementally (docs/semantics.md §5). Each record is validated with `LeadSchema`;
 * invalid ones are skipped and reported, the rest kept. Leads equal to the stored version
 * (ignoring `syncedAt`; compared with `options.known` when current, else read back) are not
 * written. Every new or changed lead is evaluated against every ACTIVE segment, and the
 * membership difference, member counts and today's history row (day of `now` in `timeZone`) are
 * committed with the leads in ONE transaction.
 *
 * A segment whose rules no longer compile (e.g. a deleted custom field) gets `error` set and its
 * memberships left as they are (docs/semantics.md §3 rule 9); one that compiles again has `error` cleared and a
 * full refresh enqueued. Inactive segments are not touched. `report.nulledValues` counts the
 * `null` custom values of the leads written (values the adapter could not convert, docs/semantics.md §2).
 */
export async function ingestLeads(db: CrmSegmentsDB, rawLeads: readonly unknown[], options: IngestOptions): Promise<IngestResult> {
  const { leads, skipped } = validateBatch(rawLeads);
  const ids = [...leads.keys()];
  // A copy complete now is very likely current inside the transaction too (checked there): the
  // stored versions are then not read along (a mismatch falls back to reading them).
  const copyLoaded = options.known?.() !== undefined;
  const at = { now: options.now, timeZone: options.timeZone };
  const day = dayInTimeZone(options.now, options.timeZone);
  return writeTransaction(db, SEGMENT_TABLES, async () => {
    // Blocks and history rows read in this transaction, kept for the writes at the end.
    const reads = { blocks: new BlockReads(), history: new HistoryReads(day) };
    // One round trip: the lead write sequence and count, segments, custom fields and jobs, for a
    // few leads (a single-lead sync) their stored versions in case the in-memory copy is not
    // current, and the blocks and history rows the previous ingest's rows say will be needed.
    const few = ids.length <= FEW_LEADS && !copyLoaded;
    // Segments, custom fields and jobs come from memory when the stored configuration stamp says
    // they are current (`readConfigRows`).
    const [state, config, read] = await Promise.all([
      leadRowsState(db),
      readConfigRows(db),
      few ? getLeads(db, ids) : settled(undefined),
      readAhead(db, leads, options.known?.(), at, reads),
    ]);
    const { segments, customFields, jobs } = config;
    rememberSeen(db, config);
    const seq = state.seq;
    // Asked for only now: every earlier lead write has committed and been announced to the copy.
    const { changed, created, replaced } = await compareWithStored(db, leads, { seq, copy: options.known?.(), read });
    const newCount = created;
    const report: IngestReport = {
      received: rawLeads.length,
      stored: changed.length,
      unchanged: ids.length - changed.length,
      skipped,
      nulledValues: changed.reduce((sum, lead) => sum + countNulledValues(lead), 0),
      created,
    };
    const changes: Record<string, string[]> = {};
    // Inner segments before the segments built on them, so an outer rule sees this batch's changes.
    const { ordered: active } = dependencyOrder(segments.filter((s) => s.status === 'active'));
    if (changed.length === 0 || active.length === 0) {
      await putValidatedLeads(db, changed, newCount, state);
      return { report, changes, refreshPending: jobs.length > 0 };
    }

    // lead id → ids of the segments it belongs to (kept current as differences are applied)
    const current = new Map<string, Set<string>>(changed.map((lead) => [lead.id, new Set<string>()]));
    const compile = segmentCompiler(db, {
      now: options.now,
      timeZone: options.timeZone,
      customFields: [...customFields],
      segmentMembers: membershipLookup(new Set(segments.map((s) => s.id)), current),
    });
    // New leads have no memberships: look up only the replaced ones, and only where they can differ.
    const pendingJobs = new Set(jobs.map((job) => job.segmentId));
    // The lead rows are written alongside the look-up and the membership writes (no read, no
    // nested transaction: `state`); awaited with the latter.
    const leadWrite = putValidatedLeads(db, changed, newCount, state);
    leadWrite.catch(() => undefined); // awaited below; a failure aborts the transaction either way
    const memberships = await membershipsBeforeIngest(db, replaced, segments, compile, pendingJobs, reads.blocks);
    for (const m of memberships) current.get(m.leadId)?.add(m.segmentId);

    const touched = new Set<string>();
    const diffs: SegmentDiff[] = [];
    const recovered: Segment[] = [];
    for (const segment of active) {
      const compiled = compile(segment);
      if (!compiled.ok) {
        if (segment.error !== compiled.error) diffs.push({ segment, diff: { add: [], remove: [] }, patch: { error: compiled.error } });
        continue;
      }
      const add: string[] = [];
      const remove: string[] = [];
      for (const lead of changed) {
        const segmentIds = current.get(lead.id) as Set<string>;
        const matches = compiled.predicate(lead);
        if (matches === segmentIds.has(segment.id)) continue;
        if (matches) {
          add.push(lead.id);
          segmentIds.add(segment.id);
        } else {
          remove.push(lead.id);
          segmentIds.delete(segment.id);
        }
        touched.add(lead.id);
      }
      if (segment.error !== undefined) recovered.push(segment);
      diffs.push({ segment, diff: { add, remove }, ...(segment.error !== undefined ? { patch: { error: undefined } } : {}) });
    }
    // Every segment's difference in one go: a few round trips, not several per segment.
    const [, stored] = await Promise.all([leadWrite, commitMembershipDiffs(db, diffs, { now: options.now, day }, reads)]);
    // Their members went stale while they could not be evaluated: re-evaluate every lead.
    for (const segment of recovered) await enqueueRefresh(db, segment, options.now);
    // The configuration as this transaction leaves it, for the next ingest (dropped if it wrote more).
    const written = new Map(stored.map((s) => [s.id, s]));
    keepConfigRows(db, { ...config, segments: segments.map((s) => written.get(s.id) ?? s) }, new Set(written.keys()));
    for (const leadId of touched) changes[leadId] = [...(current.get(leadId) as Set<string>)].sort();
    return { report, changes, refreshPending: jobs.length > 0 || recovered.length > 0 };
  });
}
