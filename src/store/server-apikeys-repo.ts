import type { Selectable } from 'kysely';
import type { DbOrTx } from './database.ts';
import type { ApiKeysTable } from './schema-server.ts';

export type ApiKeyRow = Selectable<ApiKeysTable>;

export async function insertApiKey(
  db: DbOrTx,
  k: { name: string; prefix: string; keyHash: string; createdBy: number | null },
  now = new Date(),
): Promise<ApiKeyRow> {
  return db
    .insertInto('api_keys')
    .values({
      name: k.name,
      prefix: k.prefix,
      key_hash: k.keyHash,
      created_by: k.createdBy,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An active (not revoked) key by the hash of its secret. */
export async function findActiveKey(db: DbOrTx, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function listApiKeys(db: DbOrTx): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('id').execute();
}

export async function revokeApiKey(db: DbOrTx, id: number, now = new Date()): Promise<boolean> {
  const r = await db
    .updateTable('api_keys')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchApiKey(db: DbOrTx, id: number, now = new Date()): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Public shape of a key: never the hash. */
export function publicKey(k: ApiKeyRow) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.created_at,
    revokedAt: k.revoked_at,
    lastUsedAt: k.last_used_at,
  };
}
