import { CustomFieldDefSchema, CustomFieldTypeSchema, lazySchema, z, type CustomFieldDef } from '../schema';
import type { CrmSegmentsDB } from './database';
import { deleteMeta, getMeta, setMeta } from './meta';
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

/** One custom field definition, or `undefined`. */
export function getCustomField(db: CrmSegmentsDB, key: string): Promise<CustomFieldDef | undefined> {
  return db.customFields.get(key);
}

/** Progress of a running type change (options page): `done` of `total` leads checked. */
export const CustomFieldRetypeProgressSchema = lazySchema(() => z.object({ key: z.string(), type: CustomFieldTypeSchema, done: z.number().int().min(0), total: z.number().int().min(0) }));
export type CustomFieldRetypeProgress = z.infer<typeof CustomFieldRetypeProgressSchema>;
/** Meta key of the running type change's progress (absent when none runs). */
export const CUSTOM_FIELD_RETYPE_KEY = 'customFields.retype';

/** The running type change's progress, or `null`. */
export function getCustomFieldRetypeProgress(db: CrmSegmentsDB): Promise<CustomFieldRetypeProgress | null> {
  return getMeta(db, CUSTOM_FIELD_RETYPE_KEY, CustomFieldRetypeProgressSchema.nullable(), null);
}

/** Records (or, with `null`, clears) the running type change's progress. */
export async function setCustomFieldRetypeProgress(db: CrmSegmentsDB, progress: CustomFieldRetypeProgress | null): Promise<void> {
  if (progress === null) await deleteMeta(db, CUSTOM_FIELD_RETYPE_KEY);
  else await setMeta(db, CUSTOM_FIELD_RETYPE_KEY, CustomFieldRetypeProgressSchema, progress);
}
