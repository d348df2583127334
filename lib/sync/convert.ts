import type { CrmAdapter } from '../adapters/types';
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
