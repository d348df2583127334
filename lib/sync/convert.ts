import type { CrmAdapter, LeadPage } from '../adapters/types';
import type { SkippedRecord } from '../messaging/protocol';
import type { CustomFieldDef, Lead } from '../schema';
import { capLeadFields } from './field-caps';

/** Leads converted from one batch of raw CRM records, with what was skipped, nulled, cut or missing. */
export interface ConvertedBatch {
  leads: Lead[];
  skipped: SkippedRecord[];
  /** Values the adapter could not convert and stored as null (docs/semantics.md §2). */
  nulledValues: number;
  /** Values longer than the ingest caps, stored truncated (issue 9 item 2). */
  truncatedValues: number;
  /** Lead id → fields its record did not carry (the stored values are kept for them). */
  missing: Map<string, string[]>;
}

/**
 * Converts raw CRM records to leads with the adapter (docs/semantics.md §6) and caps their value sizes
 * (`capLeadFields`). A record the adapter rejects is skipped with its reason ("#N" names it by
 * its position in the whole sync when it has no id).
 * @param offset position of `records[0]` in the whole sync (0-based), for "#N" references
 */
export function convertRecords(
  adapter: CrmAdapter,
  records: readonly unknown[],
  context: { crmKey: string; syncedAt: number; customFields: readonly CustomFieldDef[] },
  offset = 0,
): ConvertedBatch {
  const batch: ConvertedBatch = { leads: [], skipped: [], nulledValues: 0, truncatedValues: 0, missing: new Map() };
  records.forEach((record, i) => {
    const converted = adapter.toLead(record, context);
    if (converted.ok) {
      const { lead, truncated } = capLeadFields(converted.lead);
      batch.leads.push(lead);
      batch.nulledValues += converted.nulledValues;
      batch.truncatedValues += truncated;
      if (converted.missingFields?.length) batch.missing.set(lead.id, converted.missingFields);
    } else {
      batch.skipped.push({ ref: converted.ref || `#${offset + i + 1}`, reason: converted.reason });
    }
  });
  return batch;
}

/** One page of the CRM's records with its conversion ({@link convertRecords}) and its `syncedAt`. */
export interface ConvertedPage {
  page: LeadPage;
  batch: ConvertedBatch;
  syncedAt: number;
}

/**
 * Converts each page of `pages` as soon as it arrives ("#N" references counted over the whole
 * sequence), `syncedAt` = `clock()` then. Read ahead (`readAhead`), the next page is fetched AND
 * converted while the current one is stored.
 */
export async function* convertPages(
  adapter: CrmAdapter,
  pages: AsyncIterable<LeadPage>,
  context: { crmKey: string; customFields: readonly CustomFieldDef[] },
  clock: () => number,
): AsyncGenerator<ConvertedPage, void, undefined> {
  let offset = 0;
  for await (const page of pages) {
    const syncedAt = clock();
    yield { page, syncedAt, batch: convertRecords(adapter, page.records, { ...context, syncedAt }, offset) };
    offset += page.records.length;
  }
}
