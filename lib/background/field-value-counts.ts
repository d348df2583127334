import { createFieldValueTally, watchLeadWrites, type CrmSegmentsDB, type StoredFieldValues } from '../db';
import type { LeadMemory } from './lead-memory';

/** Values of one field sent to the editor at most (most common first); the rest are left out. */
export const MAX_VALUES_PER_FIELD = 2000;

/** The background's answer to the rule editor's pick lists. */
export interface FieldValueCounts {
  /** Field key → its stored values, counted over the compact lead copy (cached until a lead write). */
  get(fields: readonly string[]): Promise<Record<string, StoredFieldValues>>;
  /** Stops following lead writes. */
  close(): void;
}

/**
 * Counts the distinct stored values of fields for the rule editor's pick lists (issue 11 item 14)
 * from the background's compact in-memory lead copy (`lead-memory.ts`): one pass over it counts
 * every field asked for at once, and the counts are kept until a lead write commits, so opening
 * the editor never reads the leads from IndexedDB.
 */
export function createFieldValueCounts(db: CrmSegmentsDB, memory: LeadMemory): FieldValueCounts {
  const cache = new Map<string, StoredFieldValues>();
  const unwatch = watchLeadWrites(db, () => cache.clear());
  return {
    async get(fields) {
      const columns = await memory.get();
      const missing = [...new Set(fields)].filter((field) => !cache.has(field));
      if (missing.length > 0) {
        const tally = createFieldValueTally(missing);
        columns.scan((row) => tally.add(row.asLead()));
        for (const [field, values] of tally.result()) {
          cache.set(field, { values: values.slice(0, MAX_VALUES_PER_FIELD), complete: values.length <= MAX_VALUES_PER_FIELD });
        }
      }
      return Object.fromEntries(fields.map((field) => [field, cache.get(field) ?? { values: [], complete: true }]));
    },
    close: unwatch,
  };
}
