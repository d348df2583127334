import { lazySchema, z } from '../schema';
import type { CrmSegmentsDB } from './database';
import { deleteMeta, getMeta, setMeta } from './meta';

/** Meta key of the "converted" statuses setting (absent = {@link DEFAULT_CONVERTED_STATUSES}). */
export const CONVERTED_STATUSES_KEY = 'settings.convertedStatuses';

/** Lead statuses that count as converted when nothing is configured (docs/semantics.md §8). */
export const DEFAULT_CONVERTED_STATUSES: readonly string[] = ['Converted', 'Won', 'Customer'];

/** Most statuses one list may hold (a CRM has a handful; this only bounds hostile input). */
export const MAX_CONVERTED_STATUSES = 50;

/**
 * The converted statuses as stored: 1–50 trimmed, non-empty names of at most 100 characters,
 * duplicates (ignoring case) removed keeping the first spelling.
 */
export const ConvertedStatusesSchema = lazySchema(() => z
  .array(z.string().trim().min(1, 'a status cannot be empty').max(100, 'a status is at most 100 characters'))
  .min(1, 'name at least one converted status')
  .max(MAX_CONVERTED_STATUSES, `name at most ${MAX_CONVERTED_STATUSES} statuses`)
  .transform((list) => {
    const seen = new Set<string>();
    return list.filter((status) => {
      const key = status.toLocaleLowerCase('en-US');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }));

/** The statuses that count as converted for the conversion rate (docs/semantics.md §8): the setting, else the default. */
export function getConvertedStatuses(db: CrmSegmentsDB): Promise<string[]> {
  return getMeta(db, CONVERTED_STATUSES_KEY, ConvertedStatusesSchema, [...DEFAULT_CONVERTED_STATUSES]);
}

/** The converted statuses and whether they are the default (no setting stored), for the options page. */
export async function readConvertedStatusesSetting(db: CrmSegmentsDB): Promise<{ statuses: string[]; isDefault: boolean }> {
  const [statuses, row] = await Promise.all([getConvertedStatuses(db), db.meta.get(CONVERTED_STATUSES_KEY)]);
  return { statuses, isDefault: row === undefined };
}

/**
 * Stores the converted statuses (validated with {@link ConvertedStatusesSchema}; throws
 * `StoreValidationError`) and returns them as stored; `null` returns to the default.
 */
export async function setConvertedStatuses(db: CrmSegmentsDB, statuses: readonly string[] | null): Promise<string[]> {
  if (statuses === null) {
    await deleteMeta(db, CONVERTED_STATUSES_KEY);
    return [...DEFAULT_CONVERTED_STATUSES];
  }
  return setMeta(db, CONVERTED_STATUSES_KEY, ConvertedStatusesSchema, statuses);
}
