import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { CSP } from './security-headers.ts';
import { PASSWORD, type TestApp, login, signIn, testApp } from './test-support.ts';
import { createUser } from './users.ts';

const post = (app: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

for (const kind of await backendsUnderTest()) {
  describe(`auth, sessions, CSRF, lockout (${kind.name})`, () => {
    let b: Backend;
    let clock = new Date('2026-11-23T10:00:00Z');
    let app: TestApp;
    beforeAll(async () => {
      b = await kind.open();
      app = testApp(b, {
        now: () => clock,
        config: { loginPerIp: { max: 1000, windowMs: 60_000 }, lockout: { maxFailures: 3, lockMs: 600_000 } },
      });
    });
    afterAll(async () => b?.close());

    it('signs in with HttpOnly SameSite=Strict cookie and answers /auth/me', async () => {
      await createUser(b, { username: 'alice', role: 'analyst', password: PASSWORD });
      const res = await post(app, '/auth/login', { username: 'alice', password: PASSWORD });
      expect(res.status).toBe(200);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('vigie_session='))!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      expect(session).not.toMatch(/Secure/);
      const c = await login(app, 'alice', PASSWORD);
      const me = await c.json<{ user: { username: string; role: string } }>('GET', '/auth/me');
      expect(me.body.user).toMatchObject({ username: 'alice', role: 'analyst' });
      expect(JSON.stringify(me.body)).not.toMatch(/argon2/);
    });

    it('sets Secure cookies behind TLS', async () => {
      const tls = testApp(b, { config: { trustProxy: true } });
      const res = await post(
        tls,
        '/auth/login',
        { username: 'alice', password: PASSWORD },
        { 'X-Forwarded-Proto': 'https' },
      );
      expect(res.headers.getSetCookie().every((c) => /Secure/.test(c))).toBe(true);
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
    });

    it('refuses wrong passwords and unknown users with the same error, and audits them', async () => {
      const a = await post(app, '/auth/login', { username: 'alice', password: 'nope-nope-nope' });
      const u = await post(app, '/auth/login', { username: 'nobody', password: 'nope-nope-nope' });
      expect(a.status).toBe(401);
      expect(u.status).toBe(401);
      expect(await a.json()).toEqual(await u.json());
      const fails = await b.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'login_failed')
        .execute();
      expect(fails.length).toBeGreaterThanOrEqual(2);
    });

    it('locks an account after repeated failures, even for the right password, until the lock ends', async () => {
      await createUser(b, { username: 'bob', role: 'analyst', password: PASSWORD });
      for (let i = 0; i < 2; i++)
        expect(
          (await post(app, '/auth/login', { username: 'bob', password: 'wrong-password!' })).status,
        ).toBe(401);
      const third = await post(app, '/auth/login', { username: 'bob', password: 'wrong-password!' });
      expect(third.status).toBe(423);
      expect(((await third.json()) as { error: string }).error).toBe('account_locked');
      expect((await post(app, '/auth/login', { username: 'bob', password: PASSWORD })).status).toBe(423);
      clock = new Date(clock.getTime() + 601_000);
      expect((await post(app, '/auth/login', { username: 'bob', password: PASSWORD })).status).toBe(200);
    });

    it('rate-limits sign-in attempts per address', async () => {
      const limited = testApp(b, { config: { loginPerIp: { max: 2, windowMs: 60_000 } } });
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await post(limited, '/auth/login', { username: 'x', password: 'y' })).status);
      expect(codes).toEqual([401, 401, 429]);
      const again = await post(limited, '/auth/login', { username: 'x', password: 'y' });
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('requires the CSRF token on state-changing requests and refuses foreign origins', async () => {
      const c = await signIn(app, 'analyst');
      const noToken = await app.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { Cookie: c.cookie },
      });
      expect(noToken.status).toBe(403);
      expect(((await noToken.json()) as { error: string }).error).toBe('csrf_failed');
      const wrong = await c.req('POST', '/auth/logout', undefined, { 'X-CSRF-Token': 'forged' });
      expect(wrong.status).toBe(403);
      const foreign = await c.req('POST', '/auth/logout', undefined, { Origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      const loginCsrf = await post(
        app,
        '/auth/login',
        { username: 'alice', password: PASSWORD },
        { Origin: 'https://evil.example' },
      );
      expect(loginCsrf.status).toBe(403);
      const ok = await c.req('POST', '/auth/logout', undefined, { Origin: 'http://localhost' });
      expect(ok.status).toBe(200);
      expect((await c.req('GET', '/auth/me')).status).toBe(401);
    });

    it('ends sessions after the idle timeout and after the absolute timeout', async () => {
      const c = await signIn(app, 'analyst');
      clock = new Date(clock.getTime() + 29 * 60_000);
      expect((await c.req('GET', '/auth/me')).status).toBe(200);
      clock = new Date(clock.getTime() + 31 * 60_000);
      expect((await c.req('GET', '/auth/me')).status).toBe(401);
      const d = await signIn(app, 'analyst');
      for (let h = 0; h < 30; h++) {
        clock = new Date(clock.getTime() + 25 * 60_000);
        await d.req('GET', '/auth/me');
      }
      expect((await d.req('GET', '/auth/me')).status).toBe(401);
    });

    it("changes one's own password: needs the current one, ends other sessions", async () => {
      await createUser(b, { username: 'pwuser', role: 'outreach', password: PASSWORD });
      const first = await login(app, 'pwuser', PASSWORD);
      const second = await login(app, 'pwuser', PASSWORD);
      expect(
        (
          await first.req('POST', '/auth/password', {
            current: 'wrong-password!',
            next: 'another long password',
          })
        ).status,
      ).toBe(401);
      expect((await first.req('POST', '/auth/password', { current: PASSWORD, next: 'short' })).status).toBe(
        400,
      );
      expect(
        (await first.req('POST', '/auth/password', { current: PASSWORD, next: 'another long password' }))
          .status,
      ).toBe(200);
      expect((await second.req('GET', '/auth/me')).status).toBe(401);
      await expect(login(app, 'pwuser', PASSWORD)).rejects.toThrow(/401/);
      expect((await login(app, 'pwuser', 'another long password')).csrf.length).toBeGreaterThan(20);
    });

    it('sends security headers with a CSP without external origins', async () => {
      const res = await app.request('/api/v1/openapi.json');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(CSP).not.toMatch(/https?:|unsafe-inline|unsafe-eval/);
      expect(CSP).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('answers unknown routes and bad input with stable error codes', async () => {
      const c = await signIn(app, 'analyst');
      expect(await (await c.req('GET', '/nope')).json()).toMatchObject({ error: 'not_found' });
      const bad = await c.req('GET', '/ads?minMinor=7');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'invalid_input' });
      const notJson = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{',
      });
      expect(await notJson.json()).toMatchObject({ error: 'invalid_input' });
    });
  });
}
