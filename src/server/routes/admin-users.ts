import { z } from 'zod/v4';
import { findUser, listUsers, publicUser, updateUser } from '../../store/server-users-repo.ts';
import { deleteUserSessions } from '../../store/server-sessions-repo.ts';
import { ApiError, notFound } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { ADMIN } from '../roles.ts';
import { idParam } from '../schemas.ts';
import { createUser, resetPassword, setDisabled } from '../users.ts';

const RoleEnum = z.enum(['admin', 'analyst', 'outreach', 'auditor']);

export const adminUserRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/admin/users',
    tag: 'admin',
    summary: 'All user accounts',
    access: ADMIN,
    async handler({ deps }) {
      return { items: (await listUsers(deps.backend.db)).map(publicUser) };
    },
  }),
  route({
    method: 'post',
    path: '/admin/users',
    tag: 'admin',
    summary: 'Create a user; without a password a one-time password is generated and returned once',
    access: ADMIN,
    status: 201,
    body: z.object({
      username: z.string().min(2).max(64),
      role: RoleEnum,
      password: z.string().max(256).optional(),
      displayName: z.string().max(200).optional(),
    }),
    async handler({ deps, body, audit }) {
      const { user, password } = await createUser(deps.backend, body);
      await audit('user_created', 'user', user.id, { username: user.username, role: user.role });
      return { user: publicUser(user), oneTimePassword: body.password ? null : password };
    },
  }),
  route({
    method: 'patch',
    path: '/admin/users/:id',
    tag: 'admin',
    summary: 'Change role, display name, or disable/enable an account (ends its sessions)',
    access: ADMIN,
    params: idParam,
    body: z.object({
      role: RoleEnum.optional(),
      disabled: z.boolean().optional(),
      displayName: z.string().max(200).nullable().optional(),
    }),
    async handler({ deps, params, body, user, audit }) {
      const u = await findUser(deps.backend.db, params.id);
      if (!u) throw notFound(`user ${params.id}`);
      if (params.id === user().id && (body.disabled === true || (body.role && body.role !== 'admin'))) {
        throw new ApiError('conflict', 'an admin cannot disable or demote herself');
      }
      if (body.role !== undefined || body.displayName !== undefined) {
        await updateUser(deps.backend.db, u.id, {
          ...(body.role && { role: body.role }),
          ...(body.displayName !== undefined && { display_name: body.displayName }),
        });
        if (body.role && body.role !== u.role) await deleteUserSessions(deps.backend.db, u.id);
      }
      if (body.disabled !== undefined) await setDisabled(deps.backend, u.id, body.disabled);
      await audit('user_updated', 'user', u.id, { ...body });
      return { user: publicUser((await findUser(deps.backend.db, u.id))!) };
    },
  }),
  route({
    method: 'post',
    path: '/admin/users/:id/reset-password',
    tag: 'admin',
    summary: 'Reset a password: returns a one-time password, unlocks the account, ends its sessions',
    access: ADMIN,
    params: idParam,
    async handler({ deps, params, audit }) {
      if (!(await findUser(deps.backend.db, params.id))) throw notFound(`user ${params.id}`);
      const pw = await resetPassword(deps.backend, params.id);
      await audit('password_reset', 'user', params.id);
      return { oneTimePassword: pw };
    },
  }),
];
