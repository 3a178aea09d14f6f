import { randomBytes } from 'node:crypto';
import type { Backend } from '../store/database.ts';
import { insertApiKey } from '../store/server-apikeys-repo.ts';
import { sha256 } from './auth/sessions.ts';

/** Creates an API key; the secret (`vk_…`) is returned once and only its SHA-256 is stored. */
export async function createApiKey(b: Backend, name: string, createdBy: number | null) {
  const secret = `vk_${randomBytes(24).toString('base64url')}`;
  const row = await insertApiKey(b.db, {
    name,
    prefix: secret.slice(0, 10),
    keyHash: sha256(secret),
    createdBy,
  });
  return { id: row.id, name: row.name, prefix: row.prefix, key: secret };
}
