import type { Selectable } from 'kysely';
import type { DbOrTx } from './database.ts';
import type { Role, UsersTable } from './schema-server.ts';

export type UserRow = Selectable<UsersTable>;

/** A user as shown to admins and to the user herself: never the password hash. */
export interface PublicUser {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export const ROLES: readonly Role[] = ['admin', 'analyst', 'outreach', 'auditor'];

export function publicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    disabled: u.disabled === 1,
    lockedUntil: u.locked_until,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
  };
}

export async function insertUser(
  db: DbOrTx,
  u: {
    username: string;
    displayName?: string | null;
    passwordHash: string;
    role: Role;
    mustChange?: boolean;
  },
  now = new Date(),
): Promise<UserRow> {
  const t = now.toISOString();
  return db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName ?? null,
      password_hash: u.passwordHash,
      role: u.role,
      must_change_password: u.mustChange ? 1 : 0,
      created_at: t,
      password_changed_at: t,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByName(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: DbOrTx): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('id').execute();
}

export async function updateUser(
  db: DbOrTx,
  id: number,
  set: Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Counts a failed login; locks the account for `lockMs` once `maxFailures` is reached. */
export async function recordLoginFailure(
  db: DbOrTx,
  u: UserRow,
  policy: { maxFailures: number; lockMs: number },
  now: Date,
): Promise<{ locked: boolean }> {
  const failures = u.failed_logins + 1;
  const locked = failures >= policy.maxFailures;
  await updateUser(db, u.id, {
    failed_logins: locked ? 0 : failures,
    locked_until: locked ? new Date(now.getTime() + policy.lockMs).toISOString() : u.locked_until,
  });
  return { locked };
}
