import { z } from 'zod/v4';
import {
  findUser,
  findUserByName,
  publicUser,
  recordLoginFailure,
  updateUser,
} from '../../store/server-users-repo.ts';
import { deleteUserSessions } from '../../store/server-sessions-repo.ts';
import { auditAs } from '../audit.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { closeSession, openSession } from '../auth/sessions.ts';
import { ApiError } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { ALL_ROLES } from '../roles.ts';

const Login = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(256) });

export const authRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Sign in; sets the session cookie and returns the CSRF token',
    access: 'public',
    body: Login,
    async handler({ c, deps, body, ip, now }) {
      const ipKey = ip ?? 'unknown';
      if (!deps.loginLimiter.hit(ipKey)) {
        await auditAs(deps, null, ip, 'login_rate_limited', 'user', null, { username: body.username });
        c.header('Retry-After', String(deps.loginLimiter.retryAfter(ipKey)));
        throw new ApiError('rate_limited', 'too many sign-in attempts from this address; try again later');
      }
      const u = await findUserByName(deps.backend.db, body.username);
      const refuse = async (reason: string) => {
        await auditAs(deps, null, ip, 'login_failed', 'user', u?.id ?? null, {
          username: body.username,
          reason,
        });
        return new ApiError('invalid_credentials', 'wrong username or password');
      };
      if (!u) {
        await burnPasswordCheck(body.password);
        throw await refuse('unknown_user');
      }
      if (u.locked_until && u.locked_until > now().toISOString()) {
        await auditAs(deps, null, ip, 'login_locked', 'user', u.id, { username: u.username });
        throw new ApiError(
          'account_locked',
          `account locked until ${u.locked_until} after repeated failures`,
          { until: u.locked_until },
        );
      }
      const ok = await verifyPassword(u.password_hash, body.password);
      if (!ok) {
        const { locked } = await recordLoginFailure(deps.backend.db, u, deps.config.lockout, now());
        const err = await refuse('wrong_password');
        if (locked) {
          await auditAs(deps, null, ip, 'account_locked', 'user', u.id, { username: u.username });
          throw new ApiError('account_locked', 'too many failures: the account is locked for a while');
        }
        throw err;
      }
      if (u.disabled === 1) throw await refuse('disabled');
      await updateUser(deps.backend.db, u.id, { failed_logins: 0, locked_until: null });
      const s = await openSession(c, deps, u.id);
      await auditAs(
        deps,
        { kind: 'user', id: u.id, username: u.username, role: u.role, sessionId: '', csrf: '' },
        ip,
        'login',
        'user',
        u.id,
      );
      return { user: publicUser(u), csrfToken: s.csrf, expiresAt: s.expiresAt };
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'Sign out (ends the session)',
    access: ALL_ROLES,
    async handler({ c, deps, user, audit }) {
      const u = user();
      await closeSession(c, deps, u.sessionId);
      await audit('logout', 'user', u.id);
      return { ok: true };
    },
  }),
  route({
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The signed-in user, with the CSRF token to send in X-CSRF-Token',
    access: ALL_ROLES,
    async handler({ deps, user }) {
      const p = user();
      const u = await findUser(deps.backend.db, p.id);
      if (!u) throw new ApiError('unauthenticated', 'sign in first');
      return { user: publicUser(u), csrfToken: p.csrf };
    },
  }),
  route({
    method: 'post',
    path: '/auth/password',
    tag: 'auth',
    summary: 'Change one’s own password (ends other sessions)',
    access: ALL_ROLES,
    body: z.object({ current: z.string().min(1).max(256), next: z.string().min(1).max(256) }),
    async handler({ c, deps, body, user, audit, now }) {
      const p = user();
      const u = await findUser(deps.backend.db, p.id);
      if (!u || !(await verifyPassword(u.password_hash, body.current))) {
        throw new ApiError('invalid_credentials', 'the current password is wrong');
      }
      const hash = await hashPassword(body.next);
      await updateUser(deps.backend.db, u.id, {
        password_hash: hash,
        password_changed_at: now().toISOString(),
        must_change_password: 0,
      });
      await deleteUserSessions(deps.backend.db, u.id);
      const s = await openSession(c, deps, u.id);
      await audit('password_changed', 'user', u.id);
      return { ok: true, csrfToken: s.csrf };
    },
  }),
];
