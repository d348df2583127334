import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { addMembershipsOf, CrmSegmentsDB, putCustomFields, putSegment, refreshJobId } from '../lib/db';
import { compileRules } from '../lib/engine/index';
import type { Lead, Membership, Segment } from '../lib/schema';
import { createSegment, ingestLeads, refreshSegment, runRefreshJob } from '../lib/segments';
import { BENCH_CONTEXT, BENCH_CUSTOM_FIELDS, BENCH_NOW, BENCH_TIME_ZONE } from './context';
import { BENCH_SEGMENTS } from './segments';

/** Options of {@link runStoreBench}. */
export interface StoreBenchOptions {
  /** Stored leads (the first `leadCount` of `leads` are seeded). */
  leads: readonly Lead[];
  /** Active segments present during the single-lead ingest (default 50). */
  segmentCount?: number;
  /** Timed single-lead ingests (default 9; the median is reported). */
  ingestRuns?: number;
  /** Leads per bulkPut batch while seeding (default 10,000). */
  seedBatch?: number;
  log?: (line: string) => void;
}

/** What {@link runStoreBench} measured; times in ms. */
export interface StoreBenchResult {
  leadCount: number;
  segmentCount: number;
  /** Seeding the leads table (raw `bulkPut` in batches; setup, not a product path). */
  seedLeadsMs: number;
  /** Seeding the active segments and their memberships (evaluated in memory, `bulkPut`). */
  seedSegmentsMs: number;
  membershipRows: number;
  /** Each timed `ingestLeads` of one changed lead, and their median. */
  ingestMs: number[];
  ingestMedianMs: number;
  /** Membership changes the timed ingests made (proves the lead really changed segments). */
  ingestMembershipChanges: number;
  /** Full refresh of a newly created segment (every member added), and its member count. */
  refreshNewMs: number;
  refreshNewMembers: number;
  refreshSegmentName: string;
  /** Full refresh of the same segment again (nothing changes: scan + evaluate + diff only). */
  refreshAgainMs: number;
  chunks: number;
}

const OWNER = { userId: 'bench-owner', name: 'Bench Owner', orgId: 'bench-org' };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The `index`-th active segment of the store bench: the suite's rules, cycled. */
function benchSegment(index: number): Segment {
  const base = BENCH_SEGMENTS[index % BENCH_SEGMENTS.length]!;
  return {
    id: `bench-seg-${String(index + 1).padStart(2, '0')}`,
    name: `${base.name} #${Math.floor(index / BENCH_SEGMENTS.length) + 1}`,
    description: '',
    color: '#2563eb',
    rules: base.rules,
    status: 'active',
    ownerId: OWNER.userId,
    ownerName: OWNER.name,
    orgId: OWNER.orgId,
    createdAt: BENCH_NOW,
    updatedAt: BENCH_NOW,
    rulesVersion: 1,
    memberCount: 0,
    lastRefreshedAt: BENCH_NOW,
  };
}

/** A changed copy of `lead` (status, source and priority flipped; version `k` alternates). */
function changedLead(lead: Lead, k: number): Lead {
  const even = k % 2 === 0;
  return {
    ...lead,
    status: even ? 'Contacted' : 'Converted',
    source: even ? 'Google' : 'Direct Traffic',
    priority: even ? 'High' : 'Low',
    crmUpdatedAt: BENCH_NOW + k,
    syncedAt: BENCH_NOW + k,
  };
}

/** A lead from the middle of `leads` whose two changed versions differ in some segment's membership. */
function leadThatChangesSegments(leads: readonly Lead[], segmentCount: number): Lead {
  const predicates = Array.from({ length: Math.min(segmentCount, BENCH_SEGMENTS.length) }, (_, s) =>
    compileRules(benchSegment(s).rules, BENCH_CONTEXT),
  );
  for (let i = Math.floor(leads.length / 2); i < leads.length; i++) {
    const lead = leads[i] as Lead;
    const [a, b] = [changedLead(lead, 0), changedLead(lead, 1)];
    if (predicates.some((p) => p(a) !== p(b))) return lead;
  }
  return leads[Math.floor(leads.length / 2)] as Lead;
}

/**
 * Store measurements in Node over fake-indexeddb (docs/semantics.md §5 jobs of lib/segments, Dexie):
 * 1. seed `leads` (bulkPut in batches) and `segmentCount` active segments with their memberships
 *    (both timed separately, as setup);
 * 2. `ingestLeads` of ONE changed lead with every segment active — median of `ingestRuns`;
 * 3. one full refresh (`createSegment` + `runRefreshJob`, default chunk size) of a new segment
 *    over all stored leads, then a second refresh of it where nothing changes.
 * fake-indexeddb is an in-memory JS implementation: absolute times are not Chromium's (the
 * browser figures come from the e2e harness); they show the jobs' own overhead and scaling.
 */
export async function runStoreBench(options: StoreBenchOptions): Promise<StoreBenchResult> {
  const { leads, segmentCount = 50, ingestRuns = 9, seedBatch = 10_000, log = () => {} } = options;
  const db = new CrmSegmentsDB(`crm-segments-bench-${process.pid}-${Date.now()}`);
  try {
    await db.open();
    await putCustomFields(db, BENCH_CUSTOM_FIELDS);

    let start = performance.now();
    for (let i = 0; i < leads.length; i += seedBatch) {
      await db.leads.bulkPut(leads.slice(i, i + seedBatch) as Lead[]);
      log(`seeded ${Math.min(i + seedBatch, leads.length)} / ${leads.length} leads`);
    }
    const seedLeadsMs = performance.now() - start;

    start = performance.now();
    let membershipRows = 0;
    for (let s = 0; s < segmentCount; s++) {
      const segment = benchSegment(s);
      const predicate = compileRules(segment.rules, BENCH_CONTEXT);
      const rows: Membership[] = [];
      for (const lead of leads) if (predicate(lead)) rows.push({ segmentId: segment.id, leadId: lead.id, addedAt: BENCH_NOW });
      await putSegment(db, { ...segment, memberCount: rows.length });
      await addMembershipsOf(db, segment.id, rows.map((row) => row.leadId), BENCH_NOW);
      membershipRows += rows.length;
    }
    const seedSegmentsMs = performance.now() - start;
    log(`seeded ${segmentCount} active segments, ${membershipRows} memberships`);

    // One changed lead per ingest; alternate two versions so every run is a real change that
    // also moves the lead between segments (the diff path, not only the lead write).
    const target = leadThatChangesSegments(leads, segmentCount);
    const ingestMs: number[] = [];
    let ingestMembershipChanges = 0;
    for (let k = 0; k <= ingestRuns; k++) {
      const t0 = performance.now();
      const result = await ingestLeads(db, [changedLead(target, k)], { now: BENCH_NOW + k, timeZone: BENCH_TIME_ZONE });
      const elapsed = performance.now() - t0;
      if (result.report.stored !== 1) throw new Error(`ingest stored ${result.report.stored} leads, expected 1`);
      if (k > 0) {
        ingestMs.push(elapsed); // run 0 warms up the code paths
        ingestMembershipChanges += Object.keys(result.changes).length;
      }
    }
    log(`ingest of 1 changed lead: median ${median(ingestMs).toFixed(1)} ms`);

    const refreshBase = BENCH_SEGMENTS.find((s) => s.id === 's04') ?? BENCH_SEGMENTS[0]!;
    const refreshOptions = { timeZone: BENCH_TIME_ZONE, clock: () => BENCH_NOW };
    let chunks = 0;
    start = performance.now();
    const created = await createSegment(
      db,
      { name: `Refresh: ${refreshBase.name}`, color: '#16a34a', rules: refreshBase.rules },
      OWNER,
      { now: BENCH_NOW },
    );
    const first = await runRefreshJob(db, refreshJobId(created.id), { ...refreshOptions, onProgress: () => void chunks++ });
    const refreshNewMs = performance.now() - start;
    if (first.status !== 'done') throw new Error(`refresh ended '${first.status}'`);
    const refreshed = await db.segments.get(created.id);
    log(`full refresh (new segment): ${refreshNewMs.toFixed(0)} ms`);

    start = performance.now();
    await refreshSegment(db, created.id, { now: BENCH_NOW });
    const second = await runRefreshJob(db, refreshJobId(created.id), refreshOptions);
    const refreshAgainMs = performance.now() - start;
    if (second.status !== 'done') throw new Error(`second refresh ended '${second.status}'`);
    log(`full refresh (no change): ${refreshAgainMs.toFixed(0)} ms`);

    return {
      leadCount: leads.length,
      segmentCount,
      seedLeadsMs,
      seedSegmentsMs,
      membershipRows,
      ingestMs,
      ingestMedianMs: median(ingestMs),
      ingestMembershipChanges,
      refreshNewMs,
      refreshNewMembers: refreshed?.memberCount ?? -1,
      refreshSegmentName: refreshBase.name,
      refreshAgainMs,
      chunks,
    };
  } finally {
    db.close();
    await db.delete();
  }
}
