import { z, lazySchema } from './zod';

/** Roles of a CRM user (docs/semantics.md §7): owners and admins see and manage the organization's segments. */
export const USER_ROLES = ['owner', 'admin', 'member'] as const;
export const UserRoleSchema = lazySchema(() => z.enum(USER_ROLES));
export type UserRole = z.infer<typeof UserRoleSchema>;

/**
 * The signed-in CRM user (docs/semantics.md §7): as a connected CRM's API reports it, or as the
 * options page overrides it. The one shape of "who am I" everywhere (adapters, store, messages).
 */
export const CurrentUserSchema = lazySchema(() => z.object({
  userId: z.string().trim().min(1, 'user id is required'),
  name: z.string().trim().min(1, 'name is required'),
  role: UserRoleSchema,
  orgId: z.string().trim().min(1, 'organization id is required'),
}));
export type CurrentUser = z.infer<typeof CurrentUserSchema>;
