import type { CurrentUser } from '../schema';

/**
 * The stored identity rows (docs/semantics.md §7) without Zod, so that a page's first script
 * (lib/db/early-read.ts) can tell who is signed in from its raw read instead of asking the
 * background (issue 10: popup counts visible). lib/db/identity.ts and lib/db/settings.ts read and
 * write the same rows through their schemas.
 */

/** Meta key of the signed-in user as a connected CRM's API last reported it (docs/semantics.md §7). */
export const CRM_USER_KEY = 'crm.currentUser';
/** Meta key of the options page's current-user override. */
export const USER_OVERRIDE_KEY = 'settings.currentUserOverride';

/** Who owns what is created while neither an override nor a CRM's answer is known (a single local user). */
export const LOCAL_USER: CurrentUser = Object.freeze({ userId: 'local', name: 'You', role: 'owner', orgId: 'local' });

const ROLES: ReadonlySet<unknown> = new Set(['owner', 'admin', 'member']);
const exactText = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.trim() === value;

/**
 * `value` as a `CurrentUser` when it is one exactly as `CurrentUserSchema` keeps it (texts
 * non-empty and already trimmed, a known role; other keys dropped), else `undefined` — also for
 * values the schema would accept after trimming, which the caller leaves to the schema.
 */
export function plainCurrentUser(value: unknown): CurrentUser | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { userId, name, role, orgId } = value as Record<string, unknown>;
  if (!exactText(userId) || !exactText(name) || !exactText(orgId) || !ROLES.has(role)) return undefined;
  return { userId, name, role: role as CurrentUser['role'], orgId };
}

/**
 * Who the background's `getCurrentUser` answers for these meta row values (`undefined` = no row):
 * the override, else the CRM's user, else {@link LOCAL_USER}; `undefined` when a row is there but
 * not exactly as its schema keeps it (the caller then asks the background).
 */
export function currentUserOfRows(override: unknown, crm: unknown): CurrentUser | undefined {
  if (override !== undefined && override !== null) return plainCurrentUser(override);
  if (crm === undefined || crm === null) return LOCAL_USER;
  const row = crm as Record<string, unknown>;
  const valid = typeof row === 'object' && typeof row.origin === 'string' && row.origin !== '' && Number.isFinite(row.checkedAt);
  return valid ? plainCurrentUser(row.user) : undefined;
}
