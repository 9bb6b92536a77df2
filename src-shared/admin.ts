/**
 * Accounts as the desk's admin page sees them (contract ops `admin:*`, src-main/services/admin):
 * the newsroom server's users, a user made or changed (with the password made for it, shown
 * once and kept nowhere on the desk), and who is connected now. Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { ROLES } from './server-api';

/** The server's shortest password (src-server/http.ts, NewPassword). */
export const ADMIN_PASSWORD_MIN = 10;

export const AdminUser = z.object({ name: z.string(), role: z.enum(ROLES), disabled: z.boolean(), createdAt: z.string() });
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUsers = z.object({ users: z.array(AdminUser) });
export type AdminUsers = z.infer<typeof AdminUsers>;

const Name = z.string().trim().min(1).max(64);

export const AdminCreateInput = z
  .object({
    name: Name,
    role: z.enum(ROLES),
    /** Absent or empty: the server makes one, returned once. */
    password: z.string().max(1024).optional(),
  })
  .strict();
export type AdminCreateInput = z.input<typeof AdminCreateInput>;

export const AdminUpdateInput = z
  .object({
    name: Name,
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    /** A new password made on this desk, sent to the server and returned once. */
    resetPassword: z.literal(true).optional(),
  })
  .strict();
export type AdminUpdateInput = z.input<typeof AdminUpdateInput>;

/** The user as the server now has it, and the password made for it (only when one was made). */
export const AdminUserResult = z.object({ user: AdminUser, password: z.string().optional() });
export type AdminUserResult = z.infer<typeof AdminUserResult>;

export const AdminConnectedUser = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  sockets: z.number().int().nonnegative(),
  articles: z.array(z.object({ id: z.string(), headline: z.string() })),
  since: z.string(),
});
export const AdminConnections = z.object({ users: z.array(AdminConnectedUser), fetchedAt: z.string() });
export type AdminConnections = z.infer<typeof AdminConnections>;
