import { leadsAfter, listCustomFields, listSegments, memberIds, type CrmSegmentsDB } from '../db';
import { compileRules, type SegmentMembersLookup } from '../engine';
import type { LeadSummary, SegmentPreview } from '../messaging/protocol';
import { referencedSegments, type Lead, type RuleSet } from '../schema';
import type { LeadColumns } from './lead-columns';

/** Leads read per query while previewing. */
const PREVIEW_CHUNK = 5000;

/** The fields of a lead shown in previews and samples (only those present). */
export function leadSummary(lead: Lead): LeadSummary {
  const summary: LeadSummary = { id: lead.id, crmId: lead.crmId, name: lead.name };
  if (lead.email !== undefined) summary.email = lead.email;
  if (lead.company !== undefined) summary.company = lead.company;
  if (lead.status !== undefined) summary.status = lead.status;
  if (lead.source !== undefined) summary.source = lead.source;
  if (lead.country !== undefined) summary.country = lead.country;
  return summary;
}

/**
 * A `segmentMembers` lookup holding every member of each existing segment `rules` refer to (their
 * current members; the frozen ones for an inactive segment), read through lib/db.
 */
export async function membersOfReferencedSegments(db: CrmSegmentsDB, rules: RuleSet): Promise<SegmentMembersLookup> {
  const existing = new Set((await listSegments(db)).map((s) => s.id));
  const sets = new Map<string, Set<string>>();
  for (const id of referencedSegments(rules)) if (existing.has(id)) sets.set(id, new Set(await memberIds(db, id)));
  return (segmentId) => sets.get(segmentId);
}

/** Keeps the `size` smallest matching leads by id, in id order (rows are scanned in any order). */
function firstById(size: number) {
  const kept: LeadSummary[] = [];
  return {
    offer(id: string, summary: () => LeadSummary) {
      if (size === 0) return;
      if (kept.length === size && id >= (kept[size - 1] as LeadSummary).id) return;
      let at = kept.length;
      while (at > 0 && (kept[at - 1] as LeadSummary).id > id) at--;
      kept.splice(at, 0, summary());
      if (kept.length > size) kept.pop();
    },
    kept,
  };
}

/**
 * Evaluates a draft rule set over every stored lead without saving anything (the editor's live
 * preview): `count` of matching leads, `total` leads scanned, the first `sampleSize` (default 5)
 * matches in lead-id order, and `elapsedMs`. Rules compile once; leads are read in big chunks,
 * or scanned in memory from `options.leads` (the compact form of every stored lead) when given.
 * Throws `RuleError` (lib/schema) when the rules are invalid for the stored custom fields.
 */
export async function previewRules(
  db: CrmSegmentsDB,
  rules: RuleSet,
  options: { now: number; timeZone: string; sampleSize?: number; leads?: LeadColumns },
): Promise<SegmentPreview> {
  const started = performance.now();
  const segmentMembers = await membersOfReferencedSegments(db, rules);
  const predicate = compileRules(rules, { now: options.now, timeZone: options.timeZone, customFields: await listCustomFields(db), segmentMembers });
  const sample = firstById(Math.max(0, options.sampleSize ?? 5));
  let count = 0;
  let total = 0;
  if (options.leads) {
    options.leads.scan((row) => {
      if (!predicate(row.asLead())) return;
      count++;
      sample.offer(row.id, () => leadSummary(row.asLead()));
    });
    total = options.leads.size;
    return { count, total, sample: sample.kept, elapsedMs: performance.now() - started };
  }
  let cursor: string | undefined;
  for (;;) {
    const leads = await leadsAfter(db, cursor, PREVIEW_CHUNK);
    for (const lead of leads) {
      if (!predicate(lead)) continue;
      count++;
      sample.offer(lead.id, () => leadSummary(lead));
    }
    total += leads.length;
    if (leads.length < PREVIEW_CHUNK) break;
    cursor = leads[leads.length - 1]?.id;
  }
  return { count, total, sample: sample.kept, elapsedMs: performance.now() - started };
}
