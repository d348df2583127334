import type { CrmAdapter } from '../adapters/types';
import type { SkippedRecord } from '../messaging/protocol';
import type { CustomFieldDef, Lead } from '../schema';

/** Leads converted from one batch of raw CRM records, with what was skipped or nulled. */
export interface ConvertedBatch {
  leads: Lead[];
  skipped: SkippedRecord[];
  /** Values the adapter could not convert and stored as null (SPEC §2). */
  nulledValues: number;
}

/**
 * Converts raw CRM records to leads with the adapter (SPEC §6). A record the adapter rejects is
 * skipped with its reason ("#N" names it by its position in the whole sync when it has no id).
 * @param offset position of `records[0]` in the whole sync (0-based), for "#N" references
 */
export function convertRecords(
  adapter: CrmAdapter,
  records: readonly unknown[],
  context: { crmKey: string; syncedAt: number; customFields: readonly CustomFieldDef[] },
  offset = 0,
): ConvertedBatch {
  const batch: ConvertedBatch = { leads: [], skipped: [], nulledValues: 0 };
  records.forEach((record, i) => {
    const converted = adapter.toLead(record, context);
    if (converted.ok) {
      batch.leads.push(converted.lead);
      batch.nulledValues += converted.nulledValues;
    } else {
      batch.skipped.push({ ref: converted.ref || `#${offset + i + 1}`, reason: converted.reason });
    }
  });
  return batch;
}
