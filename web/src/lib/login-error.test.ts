import { describe, expect, it } from 'vitest';
import { loginErrorKey } from './login-error.ts';

describe('loginErrorKey', () => {
  it('says credentials are wrong without saying which', () => {
    expect(loginErrorKey(401, 'invalid_credentials')).toEqual({ key: 'login.invalid' });
  });
  it('explains a lockout with its remaining time when known', () => {
    expect(loginErrorKey(423, 'account_locked', { retryAfter: 600 })).toEqual({
      key: 'login.lockedFor',
      params: { minutes: 10 },
    });
    expect(loginErrorKey(429, 'account_locked')).toEqual({ key: 'login.locked' });
    const until = new Date(Date.now() + 14.5 * 60_000).toISOString();
    expect(loginErrorKey(423, 'account_locked', { until })).toEqual({
      key: 'login.lockedFor',
      params: { minutes: 15 },
    });
    expect(loginErrorKey(429, 'rate_limited', { retryAfter: 30 })).toEqual({
      key: 'login.lockedFor',
      params: { minutes: 1 },
    });
  });
  it('leaves other errors to the generic handler', () => {
    expect(loginErrorKey(500, 'internal_error')).toBeNull();
  });
});
