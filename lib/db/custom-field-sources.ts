import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { getMeta, setMeta } from './meta';

/** Where a custom field definition came from: a CRM adapter, a CSV import, or the user. */
export const CustomFieldSourceSchema = lazySchema(() => z.enum(['crm', 'import', 'manual']));
export type CustomFieldSource = z.infer<typeof CustomFieldSourceSchema>;

/** Meta key of the custom field key → source map (fields not in it came from a CRM). */
export const CUSTOM_FIELD_SOURCES_KEY = 'customFields.sources';
const SourcesSchema = lazySchema(() => z.record(z.string(), CustomFieldSourceSchema));

/** Custom field key → where it came from; keys absent from the map are `crm`. */
export function getCustomFieldSources(db: CrmSegmentsDB): Promise<Record<string, CustomFieldSource>> {
  return getMeta(db, CUSTOM_FIELD_SOURCES_KEY, SourcesSchema, {});
}

/** Records the source of some custom fields (others keep theirs). Call inside the write that creates them. */
export async function setCustomFieldSources(db: CrmSegmentsDB, keys: readonly string[], source: CustomFieldSource): Promise<void> {
  // fromEntries defines own properties, so a key like "__proto__" stays a plain key
  const sources = Object.fromEntries([...Object.entries(await getCustomFieldSources(db)), ...keys.map((key) => [key, source] as const)]);
  await setMeta(db, CUSTOM_FIELD_SOURCES_KEY, SourcesSchema, sources);
}

/** Forgets the source of a deleted custom field. */
export async function forgetCustomFieldSource(db: CrmSegmentsDB, key: string): Promise<void> {
  const sources = Object.entries(await getCustomFieldSources(db)).filter(([k]) => k !== key);
  await setMeta(db, CUSTOM_FIELD_SOURCES_KEY, SourcesSchema, Object.fromEntries(sources));
}
