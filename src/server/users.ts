import type { Backend } from '../store/database.ts';
import type { Role } from '../store/schema-server.ts';
import { deleteUserSessions } from '../store/server-sessions-repo.ts';
import { ROLES, type UserRow, findUserByName, insertUser, updateUser } from '../store/server-users-repo.ts';
import { hashPassword, randomPassword } from './auth/passwords.ts';
import { ApiError } from './errors.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Creates a user; without a password a random one is generated (returned once, must be changed). */
export async function createUser(
  b: Backend,
  u: { username: string; role: Role; password?: string; displayName?: string | null },
): Promise<{ user: UserRow; password: string }> {
  const username = u.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new ApiError('invalid_input', 'username: 2–64 of a-z 0-9 . _ -');
  if (!ROLES.includes(u.role)) throw new ApiError('invalid_input', `role must be one of ${ROLES.join(', ')}`);
  if (await findUserByName(b.db, username)) throw new ApiError('conflict', `user ${username} already exists`);
  const password = u.password ?? randomPassword();
  const user = await insertUser(b.db, {
    username,
    displayName: u.displayName ?? null,
    passwordHash: await hashPassword(password),
    role: u.role,
    mustChange: u.password === undefined,
  });
  return { user, password };
}

/** Sets a new password (random when none given), unlocks the account and ends its sessions. */
export async function resetPassword(b: Backend, userId: number, password?: string): Promise<string> {
  const pw = password ?? randomPassword();
  await updateUser(b.db, userId, {
    password_hash: await hashPassword(pw),
    password_changed_at: new Date().toISOString(),
    must_change_password: password === undefined ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
  });
  await deleteUserSessions(b.db, userId);
  return pw;
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setDisabled(b: Backend, userId: number, disabled: boolean): Promise<void> {
  await updateUser(b.db, userId, { disabled: disabled ? 1 : 0 });
  if (disabled) await deleteUserSessions(b.db, userId);
}
