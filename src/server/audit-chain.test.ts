import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { appendAudit, verifyAudit } from '../store/server-audit-repo.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { signIn, testApp } from './test-support.ts';

const event = (i: number) => ({
  actorId: 1,
  actor: 'alice',
  role: 'analyst',
  action: 'view_ad',
  targetType: 'ad',
  targetId: i,
  ip: '127.0.0.1',
});

for (const kind of await backendsUnderTest()) {
  describe(`audit hash chain (${kind.name})`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
    });
    afterAll(async () => b?.close());

    it('chains concurrent appends without forking', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(b, event(i))));
      const v = await verifyAudit(b);
      expect(v).toEqual({ ok: true, entries: 20, firstBroken: null });
    });

    it('names the first edited entry', async () => {
      const before = await b.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('seq', '=', 7)
        .executeTakeFirstOrThrow();
      await sql`UPDATE audit_log SET target_id = '999' WHERE seq = 7`.execute(b.db);
      expect((await verifyAudit(b)).firstBroken).toEqual({
        seq: 7,
        reason: 'content does not match its hash',
      });
      await b.db.updateTable('audit_log').set({ target_id: before.target_id }).where('seq', '=', 7).execute();
    });

    it('detects an edit that recomputes the entry hash (the next link breaks)', async () => {
      const { auditHash } = await import('../store/server-audit-repo.ts');
      const r = await b.db.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
      const forged = { ...r, seq: Number(r.seq), actor: 'mallory' };
      await b.db
        .updateTable('audit_log')
        .set({ actor: 'mallory', hash: auditHash(forged) })
        .where('seq', '=', 5)
        .execute();
      expect((await verifyAudit(b)).firstBroken?.seq).toBe(6);
      await b.db
        .updateTable('audit_log')
        .set({ actor: r.actor, hash: r.hash })
        .where('seq', '=', 5)
        .execute();
    });

    it('detects a deleted entry and a truncated tail', async () => {
      const v0 = await verifyAudit(b);
      expect(v0.ok, JSON.stringify(v0)).toBe(true);
      const row = await b.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 12)
        .executeTakeFirstOrThrow();
      await b.db.deleteFrom('audit_log').where('seq', '=', 12).execute();
      expect((await verifyAudit(b)).firstBroken).toEqual({
        seq: 12,
        reason: 'entry 12 is missing (next is 13)',
      });
      await b.db.insertInto('audit_log').values(row).execute();
      await b.db.deleteFrom('audit_log').where('seq', '>=', 19).execute();
      expect((await verifyAudit(b)).firstBroken?.seq).toBe(19);
    });

    it('records logins, views and searches with who, what, when and from where; auditors verify over HTTP', async () => {
      const fresh = await kind.open();
      try {
        const app = testApp(fresh);
        const analyst = await signIn(app, 'analyst', 'carol');
        await analyst.req('GET', '/ads?q=lyon');
        const auditor = await signIn(app, 'auditor');
        const list = await auditor.json<{
          items: { actor: string; action: string; at: string; details: Record<string, unknown> }[];
        }>('GET', '/audit?actor=carol');
        expect(list.body.items.map((i) => i.action)).toEqual(['search', 'login']);
        expect(list.body.items[0].details).toMatchObject({ q: 'lyon' });
        const v = await auditor.json<{ ok: boolean }>('GET', '/audit/verify');
        expect(v.body.ok).toBe(true);
        const exp = await auditor.req('GET', '/audit/export?format=csv');
        expect((await exp.text()).split('\n')[0]).toBe(
          'seq,at,actor,role,action,targetType,targetId,ip,details,prevHash,hash',
        );
      } finally {
        await fresh.close();
      }
    });
  });
}
