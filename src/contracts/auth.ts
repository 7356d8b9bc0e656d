import { z } from 'zod';
import { ROLES, ACTIONS } from '../domain/auth/permissions.js';
import { id } from './common.js';

/** Login with a username and password. */
export const loginBody = z.object({
  username: z
    .string({ error: 'Tên đăng nhập là bắt buộc.' })
    .trim()
    .min(1, { error: 'Tên đăng nhập là bắt buộc.' })
    .max(60, { error: 'Tên đăng nhập dài tối đa 60 ký tự.' }),
  password: z
    .string({ error: 'Mật khẩu là bắt buộc.' })
    .min(1, { error: 'Mật khẩu là bắt buộc.' })
    .max(200, { error: 'Mật khẩu dài tối đa 200 ký tự.' }),
});
export type LoginBody = z.infer<typeof loginBody>;

/** A new password must be 8 to 128 characters. */
export const newPassword = z
  .string({ error: 'Mật khẩu mới là bắt buộc.' })
  .min(8, { error: 'Mật khẩu phải có ít nhất 8 ký tự.' })
  .max(128, { error: 'Mật khẩu dài tối đa 128 ký tự.' });

/** Change one's own password. */
export const changePasswordBody = z.object({
  currentPassword: z
    .string({ error: 'Mật khẩu hiện tại là bắt buộc.' })
    .min(1, { error: 'Mật khẩu hiện tại là bắt buộc.' }),
  newPassword,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** A role the signed-in account holds on a unit. */
export const roleGrantDto = z.object({
  id,
  role: z.enum(ROLES),
  unitId: id,
  unitName: z.string(),
  unitPath: z.string(),
});
export type RoleGrantDto = z.infer<typeof roleGrantDto>;

/** The signed-in account, its roles and the roots of its scope. */
export const meResponse = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(roleGrantDto),
  /** Units at the top of the account's scope: the navigation tree starts here. */
  scopeRoots: z.array(z.object({ id, name: z.string(), kind: z.string() })),
  /** Actions allowed somewhere in the scope (to show menus). */
  actions: z.array(z.enum(ACTIONS)),
});
export type MeResponse = z.infer<typeof meResponse>;
