import { getLead } from '../../lib/db/leads';
import { membershipsOfLeads } from '../../lib/db/memberships';
import type { Lead, Membership } from '../../lib/schema';
import { useDb } from '../db-context';
import { useLiveQuery } from '../use-live-query';

/** One lead and its memberships, as read together. */
export interface LeadDetails {
  leadId: string;
  lead: Lead | undefined;
  memberships: Membership[];
}

/**
 * The lead `leadId` and every segment membership it has, live (re-read when the lead or one of
 * its membership blocks changes). `data` is undefined until the read for this lead id is done.
 */
export function useLeadDetails(leadId: string): { data: LeadDetails | undefined; error: Error | undefined } {
  const db = useDb();
  const { data, error } = useLiveQuery<LeadDetails>(
    async () => ({ leadId, lead: await getLead(db, leadId), memberships: await membershipsOfLeads(db, [leadId]) }),
    [db, leadId],
  );
  return { data: data?.leadId === leadId ? data : undefined, error };
}
