import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import type { Role } from '../store/schema-server.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { createApiKey } from './apikeys.ts';
import { type Client, type TestApp, seedAds, signIn, testApp } from './test-support.ts';

interface Op {
  method: string;
  path: string;
  roles: string[];
}

const SAMPLE: Record<string, string> = { id: '1', ord: '0', version: '1', kind: 'ad', ref: '1' };

function operations(doc: { paths: Record<string, Record<string, { 'x-roles': string[] }>> }): Op[] {
  const ops: Op[] = [];
  for (const [p, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      ops.push({
        method: method.toUpperCase(),
        path: p.replace(/\{(\w+)\}/g, (_, k: string) => SAMPLE[k] ?? '1'),
        roles: op['x-roles'],
      });
    }
  }
  return ops;
}

const ROLES: Role[] = ['admin', 'analyst', 'outreach', 'auditor'];

for (const kind of await backendsUnderTest()) {
  describe(`access control on every route of the OpenAPI document (${kind.name})`, () => {
    let b: Backend;
    let app: TestApp;
    let ops: Op[];
    const clients = {} as Record<Role, Client>;
    let apiKey: string;
    beforeAll(async () => {
      b = await kind.open();
      await seedAds(b, [{ record: { id: 'x1', category: 'escort' }, phones: ['+33639981234'] }]);
      app = testApp(b);
      const doc = await (await app.request('/api/v1/openapi.json')).json();
      ops = operations(doc);
      for (const r of ROLES) clients[r] = await signIn(app, r);
      apiKey = (await createApiKey(b, 'moderation', null)).key;
    });
    afterAll(async () => b?.close());

    it('documents a substantial API with roles on every operation', () => {
      expect(ops.length).toBeGreaterThan(40);
      for (const op of ops) expect(op.roles.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
    });

    it('refuses every non-public route without credentials (401)', async () => {
      const checked: string[] = [];
      for (const op of ops.filter((o) => !o.roles.includes('public'))) {
        const res = await app.request(op.path, {
          method: op.method,
          headers: { 'Content-Type': 'application/json' },
          body: op.method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${op.method} ${op.path}`).toBe(401);
        expect(((await res.json()) as { error: string }).error).toBe('unauthenticated');
        checked.push(op.path);
      }
      expect(checked.length).toBe(ops.length - 2);
    });

    it('refuses a forged or revoked session cookie and a wrong API key', async () => {
      const forged = await app.request('/api/v1/ads', { headers: { Cookie: 'vigie_session=forged' } });
      expect(forged.status).toBe(401);
      const wrongKey = await app.request('/api/v1/score', {
        method: 'POST',
        headers: { Authorization: 'Bearer vk_nope', 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(wrongKey.status).toBe(401);
    });

    for (const role of ROLES) {
      it(`refuses the ${role} role every route not granted to it (403)`, async () => {
        let refused = 0;
        for (const op of ops.filter((o) => !o.roles.includes(role) && !o.roles.includes('public'))) {
          const res = await clients[role].req(op.method, op.path, op.method === 'GET' ? undefined : {});
          expect(res.status, `${role} ${op.method} ${op.path}`).toBe(403);
          refused++;
        }
        expect(refused).toBeGreaterThan(0);
      });
    }

    it('gives API keys the scoring endpoint only', async () => {
      for (const op of ops.filter((o) => !o.roles.includes('apikey') && !o.roles.includes('public'))) {
        const res = await app.request(op.path, {
          method: op.method,
          headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
          body: op.method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `apikey ${op.method} ${op.path}`).toBe(403);
      }
    });

    it('keeps outreach away from ads, networks, cases and notes, and from ads outside the queue', async () => {
      const denied = ops.filter(
        (o) => /\/(ads|networks|cases)(\/|$)/.test(o.path) && !o.path.includes('/outreach/'),
      );
      expect(denied.length).toBeGreaterThan(10);
      for (const op of denied) expect(op.roles).not.toContain('outreach');
      const noise = await seedAds(b, [
        { record: { id: 'car', category: 'vehicules', body: 'Vends voiture' }, phones: ['+33639981299'] },
      ]);
      expect((await clients.outreach.req('GET', `/outreach/ads/${noise[0]}`)).status).toBe(404);
      const logNoise = await clients.outreach.req('POST', '/outreach/contacts', {
        adId: noise[0],
        channel: 'sms',
        outcome: 'sent',
      });
      expect(logNoise.status).toBe(404);
    });

    it('lets each role reach what it is granted', async () => {
      expect((await clients.analyst.req('GET', '/ads')).status).toBe(200);
      expect((await clients.outreach.req('GET', '/outreach/queue')).status).toBe(200);
      expect((await clients.admin.req('GET', '/admin/users')).status).toBe(200);
      expect((await clients.auditor.req('GET', '/audit')).status).toBe(200);
    });

    it('records refused attempts by signed-in users in the audit log', async () => {
      const rows = await b.db
        .selectFrom('audit_log')
        .select(['actor', 'target_id'])
        .where('action', '=', 'access_denied')
        .execute();
      expect(rows.some((r) => r.actor.startsWith('outreach') && r.target_id === 'GET /cases/:id')).toBe(true);
    });
  });
}
