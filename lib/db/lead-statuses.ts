import type { CrmSegmentsDB } from './database';

/**
 * Every stored lead's status by lead id (`undefined` when the lead has none): what conversion
 * rates of many segments are computed from with one table scan (lib/analysis).
 */
export async function leadStatusesById(db: CrmSegmentsDB): Promise<Map<string, string | undefined>> {
  const statuses = new Map<string, string | undefined>();
  await db.leads.each((lead) => {
    statuses.set(lead.id, lead.status);
  });
  return statuses;
}

/** The status of each of `ids`, in order (`undefined` for a lead without status or not stored). */
export async function statusesOfLeads(db: CrmSegmentsDB, ids: readonly string[]): Promise<Array<string | undefined>> {
  const leads = await db.leads.bulkGet([...ids]);
  return leads.map((lead) => lead?.status);
}
