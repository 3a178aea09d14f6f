import type { Selectable } from 'kysely';
import type { DbOrTx } from './database.ts';
import type { SessionsTable } from './schema-server.ts';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: DbOrTx, s: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

/** The session and its user, by hashed token. */
export async function findSession(db: DbOrTx, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.username',
      'users.role',
      'users.disabled',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password reset, disabling, role change). */
export async function deleteUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions past their absolute expiry. */
export async function purgeExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
}
