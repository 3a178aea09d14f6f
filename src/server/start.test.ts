import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { openStore } from '../store/open.ts';
import { ensureDemoUser } from './demo-users.ts';
import { startServer } from './start.ts';

describe('startServer over real HTTP, demo users, web app serving', () => {
  let b: Backend;
  let web: string;
  beforeAll(async () => {
    b = await openStore(join(mkdtempSync(join(tmpdir(), 'vigie-start-')), 'v.db'));
    web = mkdtempSync(join(tmpdir(), 'vigie-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><title>Vigie</title><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  });
  afterAll(async () => b?.close());

  it('creates demo accounts once, with one-time passwords that sign in', async () => {
    const first = await ensureDemoUser(b);
    expect(first?.username).toBe('demo-analyst');
    expect(first?.others.map((o) => o.role).sort()).toEqual(['admin', 'auditor', 'outreach']);
    expect(await ensureDemoUser(b)).toBeNull();
    const s = await startServer({
      backend: b,
      port: 0,
      demo: true,
      host: '0.0.0.0',
      config: { webDist: web },
    });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const login = await fetch(`${s.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: first!.username, password: first!.password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const ads = await fetch(`${s.url}/api/v1/ads`, { headers: { Cookie: cookie } });
      expect(ads.status).toBe(200);
      const audit = await b.db
        .selectFrom('audit_log')
        .select(['action', 'ip'])
        .where('action', '=', 'login')
        .executeTakeFirstOrThrow();
      expect(audit.ip).toMatch(/127\.0\.0\.1/);
      const page = await fetch(`${s.url}/triage/some/route`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<title>Vigie</title>');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const js = await fetch(`${s.url}/assets/app.js`);
      expect(js.headers.get('content-type')).toContain('javascript');
      const traversal = await fetch(`${s.url}/..%2f..%2fetc%2fpasswd`);
      expect(await traversal.text()).toContain('<title>Vigie</title>');
      const api404 = await fetch(`${s.url}/api/v1/nothing`);
      expect(api404.status).toBe(404);
      expect(await api404.json()).toMatchObject({ error: 'not_found' });
    } finally {
      await s.close();
    }
  });
});
