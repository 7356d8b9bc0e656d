import { z } from 'zod';
import { ROLES } from '../domain/auth/permissions.js';
import { id, requiredText } from './common.js';
import { newPassword } from './auth.js';

const username = z
  .string({ error: 'Tên đăng nhập là bắt buộc.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._]{3,30}$/, { error: 'Tên đăng nhập gồm 3–30 chữ không dấu, số, dấu chấm hoặc gạch dưới.' });

const role = z.enum(ROLES, { error: 'Vai trò không hợp lệ.' });

/** Create an account with a first role on a unit. */
export const createAccountBody = z.object({
  username,
  name: requiredText('Họ và tên', 120),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'Thư điện tử không hợp lệ.' })
    .optional(),
  password: newPassword,
  role,
  unitId: id,
});
export type CreateAccountBody = z.input<typeof createAccountBody>;

/** Edit an account: its name, or disable and enable it. */
export const updateAccountBody = z.object({
  name: requiredText('Họ và tên', 120).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

/** Reset another account's password (administrators). */
export const resetPasswordBody = z.object({ password: newPassword });

/** Give a role on a unit. */
export const grantRoleBody = z.object({ role, unitId: id });
export type GrantRoleBody = z.infer<typeof grantRoleBody>;

/** A role held on a unit, current or past. */
export const roleAssignmentDto = z.object({
  id,
  role,
  unitId: id,
  unitName: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type RoleAssignmentDto = z.infer<typeof roleAssignmentDto>;

/** An account as administrators see it. */
export const accountDto = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  roles: z.array(roleAssignmentDto),
});
export type AccountDto = z.infer<typeof accountDto>;

/** Filter accounts by text, and by a unit's subtree. */
export const accountListQuery = z.object({
  q: z.string().trim().max(100).default(''),
  unitId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
