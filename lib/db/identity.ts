import { z, lazySchema } from '../schema';
import type { CrmSegmentsDB } from './database';
import { deleteMeta, getMeta, setMeta } from './meta';
import { CurrentUserSchema, getCurrentUserOverride, type CurrentUserSetting } from './settings';
import { CRM_USER_KEY } from './identity-rows';

export { CRM_USER_KEY, LOCAL_USER } from './identity-rows';

const CrmUserRowSchema = lazySchema(() => z.object({
  user: CurrentUserSchema,
  /** The connected CRM origin whose API answered, e.g. "http://127.0.0.1:5174". */
  origin: z.string().min(1),
  /** When the API answered, epoch ms (browser clock). */
  checkedAt: z.number(),
}));
/** The CRM user row: who the CRM's API says is signed in, which origin said so and when. */
export type CrmUserRecord = z.infer<typeof CrmUserRowSchema>;

/** Where the current user came from. */
export type CurrentUserSource =
  | { kind: 'override' }
  | { kind: 'crm'; origin: string; checkedAt: number }
  | { kind: 'none' };

/** Who the extension thinks the user is, and why. */
export interface CurrentUserInfo {
  /** The current user, or null when neither an override nor a CRM answer is known. */
  user: CurrentUserSetting | null;
  source: CurrentUserSource;
  /** What the CRM's API last said (also when an override hides it), or null. */
  crm: CrmUserRecord | null;
}

/**
 * THE current user (docs/semantics.md §7, issue 8 item 1): the options page's manual override when one is
 * set, else the user a connected CRM's own API (`/api/me` through the adapter, with the session,
 * read by the background) last reported, else null. Never from page DOM. Every part of the
 * extension that needs "who am I" (ownership, the organization view, the options page) reads this.
 */
export async function getCurrentUser(db: CrmSegmentsDB): Promise<CurrentUserInfo> {
  const [override, crm] = await Promise.all([getCurrentUserOverride(db), getCrmUserRecord(db)]);
  if (override) return { user: override, source: { kind: 'override' }, crm };
  if (crm) return { user: crm.user, source: { kind: 'crm', origin: crm.origin, checkedAt: crm.checkedAt }, crm };
  return { user: null, source: { kind: 'none' }, crm: null };
}

/** The CRM user row, or null. */
export function getCrmUserRecord(db: CrmSegmentsDB): Promise<CrmUserRecord | null> {
  return getMeta(db, CRM_USER_KEY, CrmUserRowSchema.nullable(), null);
}

/** The signed-in user a connected CRM's API last reported, or null (see {@link getCurrentUser}). */
export async function getCrmUser(db: CrmSegmentsDB): Promise<CurrentUserSetting | null> {
  return (await getCrmUserRecord(db))?.user ?? null;
}

/**
 * Stores what a connected CRM's API said about the signed-in user (background only: the caller
 * fetched it from `origin`'s API). Throws `StoreValidationError`.
 */
export async function setCrmUser(db: CrmSegmentsDB, record: CrmUserRecord): Promise<void> {
  await setMeta(db, CRM_USER_KEY, CrmUserRowSchema, record);
}

/** Forgets the CRM user when it came from `origin` (that CRM was disconnected); true when it did. */
export async function clearCrmUserOf(db: CrmSegmentsDB, origin: string): Promise<boolean> {
  const current = await getCrmUserRecord(db);
  if (current?.origin !== origin) return false;
  await deleteMeta(db, CRM_USER_KEY);
  return true;
}
