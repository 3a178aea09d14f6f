/** Maps a failed login answer to a message key (and its parameters), or null for generic handling. */

export interface KeyWithParams {
  key: string;
  params?: Record<string, string | number>;
}

function retryMinutes(details: unknown): number | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as Record<string, unknown>;
  const secs = Number(d.retryAfter ?? d.retryAfterSeconds ?? d.retry_after);
  if (Number.isFinite(secs) && secs > 0) return Math.ceil(secs / 60);
  const until = d.until ?? d.lockedUntil ?? d.locked_until;
  if (typeof until === 'string') {
    const ms = Date.parse(until) - Date.now();
    if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 60_000);
  }
  return null;
}

export function loginErrorKey(status: number, code: string, details?: unknown): KeyWithParams | null {
  if (
    code === 'account_locked' ||
    code === 'locked' ||
    status === 423 ||
    (status === 429 && code !== 'rate_limited')
  ) {
    const minutes = retryMinutes(details);
    return minutes ? { key: 'login.lockedFor', params: { minutes } } : { key: 'login.locked' };
  }
  if (code === 'rate_limited') {
    const minutes = retryMinutes(details);
    return minutes ? { key: 'login.lockedFor', params: { minutes } } : { key: 'login.rateLimited' };
  }
  if (code === 'account_disabled' || code === 'disabled') return { key: 'login.disabled' };
  if (status === 401 || code === 'invalid_credentials' || code === 'unauthenticated')
    return { key: 'login.invalid' };
  return null;
}
