import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../store/database.ts';
import { backendsUnderTest } from '../../store/test-backends.ts';
import { type Client, seedAds, signIn, testApp } from '../test-support.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const kind of await backendsUnderTest()) {
  describe(`cases and evidence export (${kind.name})`, () => {
    let b: Backend;
    let c: Client;
    let ids: number[];
    let caseId: number;
    beforeAll(async () => {
      b = await kind.open();
      ids = await seedAds(b, [
        {
          record: {
            id: 'e1',
            title: 'Nouvelle <b>Lyon</b>',
            body: 'Disponible, 06 39 98 12 34',
            url: 'https://site.example/a/e1',
          },
          phones: ['+33639981234'],
          place: { name: 'Lyon', departement: '69' },
        },
        {
          record: {
            id: 'e2',
            title: 'Nouvelle Lyon',
            body: 'Disponible ce soir, 06 39 98 12 34',
            url: 'https://site.example/a/e2',
          },
          phones: ['+33639981234'],
          place: { name: 'Lyon', departement: '69' },
        },
        { record: { id: 'e3', title: 'Autre', body: 'Rien' } },
      ]);
      // A second version of e1, so the export holds two captures for it.
      await seedAds(b, [
        {
          record: {
            id: 'e1',
            title: 'Nouvelle <b>Lyon</b>',
            body: 'Disponible demain, 06 39 98 12 34',
            url: 'https://site.example/a/e1',
          },
          phones: ['+33639981234'],
        },
      ]);
      await b.db.updateTable('ads').set({ cluster_id: 'N000001' }).where('id', 'in', [ids[1]]).execute();
      c = await signIn(testApp(b), 'analyst');
    });
    afterAll(async () => b?.close());

    it('creates, lists, updates a case, with notes and attached ads and networks', async () => {
      const created = await c.json<{ id: number; status: string }>('POST', '/cases', {
        title: 'Réseau Lyon',
      });
      expect(created.status).toBe(201);
      caseId = created.body.id;
      expect(
        (
          await c.json('POST', `/cases/${caseId}/items`, {
            items: [
              { kind: 'ad', ref: String(ids[0]) },
              { kind: 'network', ref: 'N000001' },
            ],
          })
        ).status,
      ).toBe(200);
      expect(
        (await c.req('POST', `/cases/${caseId}/items`, { items: [{ kind: 'ad', ref: '999999' }] })).status,
      ).toBe(404);
      expect(
        (await c.json('POST', `/cases/${caseId}/notes`, { body: 'Même numéro sur deux annonces' })).status,
      ).toBe(201);
      const patched = await c.json<{ status: string }>('PATCH', `/cases/${caseId}`, {
        status: 'in_progress',
      });
      expect(patched.body.status).toBe('in_progress');
      const got = await c.json<{
        ads: { sourceId: string }[];
        networks: { id: string }[];
        notes: { body: string }[];
      }>('GET', `/cases/${caseId}`);
      expect(got.body.ads.map((a) => a.sourceId)).toEqual(['e1']);
      expect(got.body.networks.map((n) => n.id)).toEqual(['N000001']);
      expect(got.body.notes[0].body).toContain('Même numéro');
      const list = await c.json<{ items: { id: number }[] }>('GET', '/cases?status=in_progress');
      expect(list.body.items.map((i) => i.id)).toContain(caseId);
      const ad = await c.json<{ cases: { id: number }[] }>('GET', `/ads/${ids[0]}`);
      expect(ad.body.cases.map((x) => x.id)).toEqual([caseId]);
    });

    it('exports an evidence ZIP whose manifest hashes and capture hashes all verify', async () => {
      const res = await c.req('GET', `/cases/${caseId}/export.zip`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const manifestBytes = files['manifest.json'];
      expect(sha(manifestBytes)).toBe(res.headers.get('x-manifest-sha256'));
      const manifest = JSON.parse(strFromU8(manifestBytes)) as {
        files: { path: string; sha256: string }[];
        captures: { file: string; sha256: string; adId: number }[];
      };
      expect(Object.keys(files).sort()).toEqual(
        [...manifest.files.map((f) => f.path), 'manifest.json'].sort(),
      );
      for (const f of manifest.files) expect(sha(files[f.path]), f.path).toBe(f.sha256);
      // Every capture file is byte-identical to the stored evidence: its hash is the stored capture hash.
      const stored = await b.db.selectFrom('captures').select(['id', 'sha256']).execute();
      const byId = new Map(stored.map((s) => [s.sha256, s.id]));
      expect(manifest.captures.length).toBe(3);
      for (const cap of manifest.captures) {
        expect(sha(files[cap.file])).toBe(cap.sha256);
        expect(byId.has(cap.sha256)).toBe(true);
      }
      expect(new Set(manifest.captures.map((x) => x.adId))).toEqual(new Set([ids[0], ids[1]]));
      const html = strFromU8(files['report.html']);
      expect(html).toContain('Nouvelle &lt;b&gt;Lyon&lt;/b&gt;');
      expect(html).not.toMatch(/<script/i);
      for (const cap of manifest.captures) expect(html).toContain(cap.sha256);
      const audit = await b.db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'export_case')
        .execute();
      expect(audit.some((a) => a.details?.includes(res.headers.get('x-manifest-sha256')!))).toBe(true);
    });

    it('exports JSON and a Pharos-style report with URLs, identifiers and times', async () => {
      const json = await c.json<{ ads: { sourceId: string; captures: { sha256: string }[] }[] }>(
        'GET',
        `/cases/${caseId}/export.json`,
      );
      expect(json.body.ads.map((a) => a.sourceId).sort()).toEqual(['e1', 'e2']);
      const ph = await c.json<{ ads: { url: string }[]; identifiers: { value: string; ads: string[] }[] }>(
        'GET',
        `/cases/${caseId}/pharos`,
      );
      expect(ph.body.ads.map((a) => a.url).sort()).toEqual([
        'https://site.example/a/e1',
        'https://site.example/a/e2',
      ]);
      expect(ph.body.identifiers[0]).toMatchObject({ value: '+33639981234' });
      expect(ph.body.identifiers[0].ads.length).toBe(2);
      const txt = await (await c.req('GET', `/cases/${caseId}/pharos?format=text`)).text();
      expect(txt).toContain('+33639981234');
    });

    it('detaches items and refuses an unknown case', async () => {
      expect((await c.req('DELETE', `/cases/${caseId}/items/network/N000001`)).status).toBe(200);
      expect((await c.req('DELETE', `/cases/${caseId}/items/network/N000001`)).status).toBe(404);
      expect((await c.req('GET', '/cases/999999')).status).toBe(404);
      expect((await c.req('GET', '/cases/999999/export.zip')).status).toBe(404);
    });
  });
}
