import type { z } from '../schema';
import type { CrmSegmentsDB } from './database';
import { validated } from './validation';

/**
 * Reads a meta row's value and parses it with `schema`; returns `fallback` when the row is
 * missing or no longer matches the schema (a stale row never breaks a reader).
 */
export async function getMeta<S extends z.ZodType>(
  db: CrmSegmentsDB,
  key: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  const row = await db.meta.get(key);
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

/** Writes a meta row after validating `value` with `schema`; throws `StoreValidationError`. */
export async function setMeta<S extends z.ZodType>(db: CrmSegmentsDB, key: string, schema: S, value: unknown): Promise<z.output<S>> {
  const parsed = validated(schema, value, `setting "${key}"`);
  await db.meta.put({ key, value: parsed });
  return parsed;
}

/** Deletes a meta row (no-op when absent). */
export async function deleteMeta(db: CrmSegmentsDB, key: string): Promise<void> {
  await db.meta.delete(key);
}
