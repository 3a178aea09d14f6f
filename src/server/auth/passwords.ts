import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { ApiError } from '../errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): ~50 ms here, slow enough for offline guessing.
// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax): 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(pw: string): Promise<string> {
  checkPasswordPolicy(pw);
  return hash(pw, OPTIONS);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
export async function burnPasswordCheck(pw: string): Promise<void> {
  dummy ??= hash('vigie-dummy-password', OPTIONS);
  await verifyPassword(await dummy, pw);
}

export function checkPasswordPolicy(pw: string): void {
  if (pw.length < MIN_PASSWORD_LENGTH) {
    throw new ApiError('invalid_input', `password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (pw.length > 256) throw new ApiError('invalid_input', 'password is too long');
}

/** A random password for one-time use (demo users, resets): 20 characters from an unambiguous alphabet. */
export function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  while (s.length < 20) {
    // Rejection sampling keeps every character equally likely.
    for (const b of randomBytes(32)) if (b < 224 && s.length < 20) s += alphabet[b % alphabet.length];
  }
  return s;
}
