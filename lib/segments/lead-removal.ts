import {
  deleteLeadRows,
  getLeads,
  getSegments,
  leadIdsOfCrm,
  membershipsOfLeads,
  writeTransaction,
  type CrmSegmentsDB,
} from '../db';
import { dayInTimeZone } from './day';
import { commitMembershipDiff } from './membership-changes';

/** Time (epoch ms) and evaluation time zone of a deletion: the history row's day. */
export interface RemovalOptions {
  now: number;
  timeZone: string;
}

/**
 * Deletes leads the CRM says are gone (docs/semantics.md §6: 404 on the record) with their memberships in
 * every segment — active or inactive — keeping each `memberCount` and today's history row exact,
 * in one transaction. Unknown ids are ignored. Returns the number of leads deleted.
 */
export function deleteLeads(db: CrmSegmentsDB, leadIds: readonly string[], options: RemovalOptions): Promise<number> {
  return writeTransaction(db, ['leads', 'memberBlocks', 'segments', 'segmentHistory', 'meta'], async () => {
    const present = (await getLeads(db, leadIds)).filter((lead) => lead !== undefined).map((lead) => lead.id);
    if (present.length === 0) return 0;
    const bySegment = new Map<string, string[]>();
    for (const m of await membershipsOfLeads(db, present)) {
      const list = bySegment.get(m.segmentId) ?? [];
      list.push(m.leadId);
      bySegment.set(m.segmentId, list);
    }
    const segmentIds = [...bySegment.keys()];
    const segments = await getSegments(db, segmentIds);
    const at = { now: options.now, day: dayInTimeZone(options.now, options.timeZone) };
    for (const [i, segment] of segments.entries()) {
      const removed = bySegment.get(segmentIds[i] as string) as string[];
      if (segment) await commitMembershipDiff(db, segment, { add: [], remove: removed }, at);
    }
    await deleteLeadRows(db, present);
    return present.length;
  });
}

/**
 * After a COMPLETE "Sync all" of one CRM account (docs/semantics.md §6), deletes that account's stored leads
 * the sync did not return (`seenIds`: lead ids, `${crmKey}/${crmId}`), as {@link deleteLeads}.
 * Never call it after a partial or failed sync. Returns the number of leads deleted.
 */
export async function deleteLeadsAbsentFromSync(
  db: CrmSegmentsDB,
  crmKey: string,
  seenIds: ReadonlySet<string>,
  options: RemovalOptions,
): Promise<number> {
  const absent = (await leadIdsOfCrm(db, crmKey)).filter((id) => !seenIds.has(id));
  return deleteLeads(db, absent, options);
}
