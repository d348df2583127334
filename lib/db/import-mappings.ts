import { ImportMappingSchema, type ImportMapping } from '../import/plan';
import type { CrmSegmentsDB } from './database';
import { getMeta, setMeta } from './meta';

/**
 * Meta key of the mapping remembered for one CSV header set: the headers in order, lower-cased
 * and trimmed, so a re-exported file with the same columns gets the same mapping.
 */
export function importMappingKey(headers: readonly string[]): string {
  return `import.mapping.${JSON.stringify(headers.map((h) => h.trim().toLowerCase()))}`;
}

/** The mapping last used for a file with these headers, or `null`. */
export function getImportMapping(db: CrmSegmentsDB, headers: readonly string[]): Promise<ImportMapping | null> {
  return getMeta(db, importMappingKey(headers), ImportMappingSchema.nullable(), null);
}

/** Remembers (validated) the mapping used for a file with these headers. */
export async function saveImportMapping(db: CrmSegmentsDB, headers: readonly string[], mapping: ImportMapping): Promise<void> {
  await setMeta(db, importMappingKey(headers), ImportMappingSchema, mapping);
}
