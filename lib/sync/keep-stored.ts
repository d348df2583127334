import { getLeads, type CrmSegmentsDB } from '../db';
import type { Lead } from '../schema';

/**
 * The lead with the stored values put back for `missing` fields (Lead field names or
 * `custom.<key>`) — issue 9 item 1: a record that lacks a field, or carries it unreadably, never
 * blanks what is stored. Fields the stored lead does not have either stay as converted.
 */
export function keepStoredValues(stored: Lead | undefined, lead: Lead, missing: readonly string[]): Lead {
  if (!stored || missing.length === 0) return lead;
  const merged: Record<string, unknown> = { ...lead };
  const custom = new Map(Object.entries(lead.custom));
  for (const field of missing) {
    if (field.startsWith('custom.')) {
      const key = field.slice('custom.'.length);
      if (Object.hasOwn(stored.custom, key)) custom.set(key, stored.custom[key] as Lead['custom'][string]);
    } else if (Object.hasOwn(stored, field)) {
      merged[field] = (stored as Record<string, unknown>)[field];
    }
  }
  merged.custom = Object.fromEntries(custom);
  return merged as Lead;
}

/**
 * Applies {@link keepStoredValues} to a batch against the store. Returns the leads to ingest and
 * how many of them were partial records of an already stored lead (reported).
 */
export async function withStoredValues(
  db: CrmSegmentsDB,
  leads: readonly Lead[],
  missing: ReadonlyMap<string, readonly string[]>,
): Promise<{ leads: Lead[]; partial: number }> {
  const partialIds = leads.filter((lead) => missing.has(lead.id)).map((lead) => lead.id);
  if (partialIds.length === 0) return { leads: [...leads], partial: 0 };
  const stored = new Map<string, Lead>();
  for (const lead of await getLeads(db, partialIds)) if (lead) stored.set(lead.id, lead);
  const merged = leads.map((lead) => keepStoredValues(stored.get(lead.id), lead, missing.get(lead.id) ?? []));
  return { leads: merged, partial: partialIds.filter((id) => stored.has(id)).length };
}
