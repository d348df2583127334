import type { Lead, Membership } from '../schema';
import type { CrmSegmentsDB } from './database';
import { storedLeadCount } from './lead-count';
import { getLeads, leadsAfter } from './leads';
import { blockStarts, membershipPage, membershipsOfBlock, membershipsOfSegment } from './memberships';

/**
 * A segment's members joined with their leads, read for the side panel and exports (issue 10
 * item 3): a first page that reads only the blocks and leads it shows, and the rest in chunks so a
 * list of 250,000 members never waits for one big read.
 */

/** One member as listed: its lead and when it joined (epoch ms). */
export interface SegmentMember {
  lead: Lead;
  addedAt: number;
}

/**
 * Share of all leads above which members' leads are read by walking the leads table in key order
 * instead of one `get` per member: measured in Chromium, a `get` per key costs about twice as much
 * per lead as a scan, so scanning wins once members are more than ~40% of the leads.
 */
export const SCAN_SHARE = 0.4;

/** Leads read per step when members are joined in chunks. */
export const MEMBER_CHUNK = 5000;

/**
 * The first `limit` members of a segment in lead-id order, with their leads: reads only the
 * blocks and leads of that page (what the side panel paints first).
 */
export async function firstMemberPage(db: CrmSegmentsDB, segmentId: string, limit: number): Promise<SegmentMember[]> {
  const page = await membershipPage(db, segmentId, undefined, limit);
  return joinLeads(page, await getLeads(db, page.map((m) => m.leadId)));
}

function joinLeads(memberships: readonly Membership[], leads: ReadonlyArray<Lead | undefined>): SegmentMember[] {
  const out: SegmentMember[] = [];
  memberships.forEach((m, i) => {
    const lead = leads[i];
    if (lead) out.push({ lead, addedAt: m.addedAt });
  });
  return out;
}

/** Every membership of a segment (ids and `addedAt` only, from its packed blocks), in lead-id order. */
export function segmentMemberships(db: CrmSegmentsDB, segmentId: string): Promise<Membership[]> {
  return membershipsOfSegment(db, segmentId);
}

/**
 * Start keys of a segment's membership blocks, in lead-id order: what the side panel watches
 * live (keys only), to watch each block on its own so a change re-reads one block, not 250,000 members.
 */
export function memberBlockStarts(db: CrmSegmentsDB, segmentId: string): Promise<string[]> {
  return blockStarts(db, segmentId);
}

/** The memberships of one block of a segment (lead-id order); none when the block is gone. */
export function memberBlockMemberships(db: CrmSegmentsDB, segmentId: string, start: string): Promise<Membership[]> {
  return membershipsOfBlock(db, segmentId, start);
}

/**
 * Reads the leads of `memberships` (lead-id order) and hands them over chunk by chunk, in
 * lead-id order, to `onChunk`; stops early when `onChunk` returns false. Memberships whose lead
 * is missing are skipped. Many members ({@link SCAN_SHARE}) walk the leads table in key order,
 * few are read per key.
 */
export async function readMemberLeads(
  db: CrmSegmentsDB,
  memberships: readonly Membership[],
  onChunk: (members: SegmentMember[]) => boolean | void,
  chunkSize: number = MEMBER_CHUNK,
): Promise<void> {
  if (memberships.length === 0) return;
  if (memberships.length > (await storedLeadCount(db)) * SCAN_SHARE) {
    const addedAt = new Map(memberships.map((m) => [m.leadId, m.addedAt]));
    const last = memberships[memberships.length - 1]!.leadId;
    let after: string | undefined;
    for (;;) {
      const leads = await leadsAfter(db, after, chunkSize);
      const members: SegmentMember[] = [];
      for (const lead of leads) {
        const at = addedAt.get(lead.id);
        if (at !== undefined) members.push({ lead, addedAt: at });
      }
      const lastLead = leads[leads.length - 1];
      if (onChunk(members) === false || leads.length < chunkSize || !lastLead || lastLead.id >= last) return;
      after = lastLead.id;
    }
  }
  for (let from = 0; from < memberships.length; from += chunkSize) {
    const part = memberships.slice(from, from + chunkSize);
    if (onChunk(joinLeads(part, await getLeads(db, part.map((m) => m.leadId)))) === false) return;
  }
}

/** Every member of a segment with its lead, in lead-id order (exports, benchmarks). */
export async function segmentMembers(db: CrmSegmentsDB, segmentId: string): Promise<SegmentMember[]> {
  const rows: SegmentMember[] = [];
  await readMemberLeads(db, await segmentMemberships(db, segmentId), (members) => {
    rows.push(...members);
  });
  return rows;
}
