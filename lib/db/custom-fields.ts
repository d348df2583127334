import { CustomFieldDefSchema, type CustomFieldDef } from '../schema';
import type { CrmSegmentsDB } from './database';
import { writeValidated } from './validation';

/** Every custom field definition, ordered by key. */
export function listCustomFields(db: CrmSegmentsDB): Promise<CustomFieldDef[]> {
  return db.customFields.orderBy('key').toArray();
}

/** Stores (inserts or replaces by key) custom field definitions, validated first. */
export function putCustomFields(db: CrmSegmentsDB, defs: readonly CustomFieldDef[]): Promise<void> {
  return writeValidated(CustomFieldDefSchema, defs, 'custom field', (rows) => db.customFields.bulkPut(rows).then(() => undefined), undefined);
}

/**
 * Deletes a custom field definition. Segments whose rules use it become invalid (docs/semantics.md §3 rule 9):
 * call `revalidateSegments` (lib/segments) afterwards.
 */
export async function deleteCustomField(db: CrmSegmentsDB, key: string): Promise<void> {
  await db.customFields.delete(key);
}
