import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findActiveKey, touchApiKey } from '../../store/server-apikeys-repo.ts';
import { deleteSession, findSession, insertSession, touchSession } from '../../store/server-sessions-repo.ts';
import type { AppDeps } from '../deps.ts';
import type { Principal } from '../registry.ts';

export const SESSION_COOKIE = 'vigie_session';
/** Readable by the web app's script so it can echo it in X-CSRF-Token (double submit). */
export const CSRF_COOKIE = 'vigie_csrf';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client address: the socket's, or the first X-Forwarded-For hop when the proxy is trusted. */
export function clientIp(c: Context, deps: AppDeps): string | null {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** Whether cookies must be Secure: configured, or the request reached us over TLS. */
export function isSecure(c: Context, deps: AppDeps): boolean {
  if (deps.config.secureCookies !== 'auto') return deps.config.secureCookies;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return deps.config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

/** Opens a session for a user and sets its cookies; returns the CSRF token for the web app. */
export async function openSession(
  c: Context,
  deps: AppDeps,
  userId: number,
): Promise<{ csrf: string; expiresAt: string }> {
  const t = token();
  const csrf = token();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.absoluteTimeoutMs).toISOString();
  await insertSession(deps.backend.db, {
    id: sha256(t),
    user_id: userId,
    csrf_token: csrf,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
    ip: clientIp(c, deps),
    user_agent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  });
  const secure = isSecure(c, deps);
  const maxAge = Math.floor(deps.config.absoluteTimeoutMs / 1000);
  setCookie(c, SESSION_COOKIE, t, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge });
  setCookie(c, CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'Strict', secure, path: '/', maxAge });
  return { csrf, expiresAt };
}

export async function closeSession(c: Context, deps: AppDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.backend.db, sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}

/**
 * The caller behind a request: an API key (`Authorization: Bearer vk_…`) or a live session cookie.
 * Expired sessions (idle or absolute) are deleted on sight; a disabled user has no principal.
 */
export async function resolvePrincipal(c: Context, deps: AppDeps): Promise<Principal | null> {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) {
    const k = await findActiveKey(deps.backend.db, sha256(auth.slice(7).trim()));
    if (!k) return null;
    await touchApiKey(deps.backend.db, k.id, deps.now());
    return { kind: 'apikey', id: k.id, name: k.name };
  }
  const t = getCookie(c, SESSION_COOKIE);
  if (!t) return null;
  const id = sha256(t);
  const s = await findSession(deps.backend.db, id);
  if (!s) return null;
  const now = deps.now();
  const idleEnd = Date.parse(s.last_seen_at) + deps.config.idleTimeoutMs;
  if (s.disabled === 1 || now.toISOString() >= s.expires_at || now.getTime() >= idleEnd) {
    await deleteSession(deps.backend.db, id);
    return null;
  }
  // Write at most once a minute per session: enough precision for the idle timeout.
  if (now.getTime() - Date.parse(s.last_seen_at) > 60_000)
    await touchSession(deps.backend.db, id, now.toISOString());
  return {
    kind: 'user',
    id: s.user_id,
    username: s.username,
    role: s.role,
    sessionId: id,
    csrf: s.csrf_token,
  };
}
