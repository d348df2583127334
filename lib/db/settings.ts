import { CurrentUserSchema, lazySchema, z, type CurrentUser } from '../schema';
import type { CrmSegmentsDB } from './database';
import { deleteMeta, getMeta, setMeta } from './meta';
import { USER_OVERRIDE_KEY } from './identity-rows';

/** True when `name` is an IANA time zone this runtime knows (e.g. "Asia/Kolkata", "UTC"). */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name accepted by `Intl`. */
export const TimeZoneSchema = lazySchema(() => z.string().min(1).refine(isValidTimeZone, 'is not a known time zone'));

export { CurrentUserSchema };
/** The signed-in user as the options page may override it (docs/semantics.md §7): the one `CurrentUser` shape of lib/schema. */
export type CurrentUserSetting = CurrentUser;

/** Meta key of the evaluation time zone setting (absent = follow the runtime). */
export const TIME_ZONE_KEY = 'settings.timeZone';

/** The runtime's own time zone (`Intl…resolvedOptions().timeZone`), "UTC" if it has none. */
export function runtimeTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/**
 * The evaluation time zone (docs/semantics.md §3 rule 6): the stored setting, else the runtime's time zone.
 * Changing it changes what dates mean: use `changeEvaluationTimeZone` (lib/segments), which also
 * refreshes the active segments.
 */
export function getEvaluationTimeZone(db: CrmSegmentsDB): Promise<string> {
  return getMeta(db, TIME_ZONE_KEY, TimeZoneSchema, runtimeTimeZone());
}

/** The stored evaluation time zone, or `null` when the user follows the browser's zone. */
export function getTimeZoneSetting(db: CrmSegmentsDB): Promise<string | null> {
  return getMeta(db, TIME_ZONE_KEY, TimeZoneSchema.nullable(), null);
}

/** Stores the evaluation time zone (validated); `null` returns to the runtime's default. */
export async function setEvaluationTimeZone(db: CrmSegmentsDB, timeZone: string | null): Promise<void> {
  if (timeZone === null) await deleteMeta(db, TIME_ZONE_KEY);
  else await setMeta(db, TIME_ZONE_KEY, TimeZoneSchema, timeZone);
}

/** The current-user override from the options page, or `null` (use what the CRM's API says). */
export function getCurrentUserOverride(db: CrmSegmentsDB): Promise<CurrentUserSetting | null> {
  return getMeta(db, USER_OVERRIDE_KEY, CurrentUserSchema.nullable(), null);
}

/** Stores (validated) or clears (`null`) the current-user override. */
export async function setCurrentUserOverride(db: CrmSegmentsDB, user: CurrentUserSetting | null): Promise<void> {
  if (user === null) await deleteMeta(db, USER_OVERRIDE_KEY);
  else await setMeta(db, USER_OVERRIDE_KEY, CurrentUserSchema, user);
}
