import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import type { Principal } from '../registry.ts';
import { safeEqual } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated, state-changing requests, two layers:
 * 1. the `Origin` header, when the browser sends one, must be this server's origin;
 * 2. `X-CSRF-Token` must equal the session's token (given at login and in the `vigie_csrf` cookie).
 * SameSite=Strict cookies are a third layer. API-key requests carry no cookie and need neither.
 */
export function checkCsrf(c: Context, principal: Principal | null): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  checkOrigin(c);
  if (principal?.kind !== 'user') return;
  const sent = c.req.header('x-csrf-token');
  if (!sent || !safeEqual(sent, principal.csrf)) {
    throw new ApiError('csrf_failed', 'missing or wrong X-CSRF-Token header');
  }
}

/** Refuses a cross-origin browser request (the login form included). */
export function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (!origin || SAFE_METHODS.has(c.req.method)) return;
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError('csrf_failed', 'malformed Origin header');
  }
  if (originHost !== host) throw new ApiError('csrf_failed', `cross-origin request from ${origin} refused`);
}
