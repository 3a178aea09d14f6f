import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalContent } from '../core/record.ts';
import { foldForSearch as fold } from '../core/normalize/normalize.ts';
import type { AdRecord } from '../core/types.ts';
import { exportAds } from '../export/export-ads.ts';
import { buildRecord, buildTestAnalyzer } from '../test-support/build.ts';
import { type IncomingAd, countRows, writeBatch } from './ad-writer.ts';
import type { Backend } from './database.ts';
import { checkStore } from './db-check.ts';
import { backendsUnderTest } from './test-backends.ts';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const analyzer = buildTestAnalyzer();

async function incoming(r: AdRecord, receivedAt = '2026-11-01T00:00:00.000Z') {
  const raw = JSON.stringify(r);
  const base: IncomingAd = {
    record: r,
    raw,
    rawSha256: sha(raw),
    contentSha256: sha(canonicalContent(r)),
    origin: 'test.jsonl:1',
    kind: 'import',
    receivedAt,
    searchText: fold(`${r.title ?? ''}\n${r.body}`),
  };
  const [analysis] = await analyzer.analyse([{ body: r.body, title: r.title }]);
  return { ...base, analysis, images: [] };
}

for (const kind of await backendsUnderTest()) {
  describe(`store contract (${kind.name})`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
    });
    afterAll(async () => {
      await b?.close();
    });

    it('stores a new ad with its capture, version 1 and identifiers', async () => {
      const r = await writeBatch(b, [await incoming(buildRecord({ id: 'c1' }))]);
      expect(r.outcomes).toEqual(['new']);
      const ad = await b.db
        .selectFrom('ads')
        .selectAll()
        .where('source_id', '=', 'c1')
        .executeTakeFirstOrThrow();
      expect(ad.version).toBe(1);
      const ids = await b.db.selectFrom('ad_identifiers').selectAll().where('ad_id', '=', ad.id).execute();
      expect(ids.map((i) => `${i.kind}:${i.value}`)).toEqual(['phone:+33639981234']);
    });

    it('keeps the same content unchanged and an edit as a new version, old one kept', async () => {
      const again = await writeBatch(b, [
        await incoming(buildRecord({ id: 'c1' }), '2026-11-02T00:00:00.000Z'),
      ]);
      expect(again.outcomes).toEqual(['unchanged']);
      const edited = buildRecord({ id: 'c1', body: 'Changement de numéro : 06 39 98 55 66.' });
      const upd = await writeBatch(b, [await incoming(edited, '2026-11-03T00:00:00.000Z')]);
      expect(upd.outcomes).toEqual(['updated']);
      const ad = await b.db
        .selectFrom('ads')
        .selectAll()
        .where('source_id', '=', 'c1')
        .executeTakeFirstOrThrow();
      expect(ad.version).toBe(2);
      expect(ad.last_seen).toBe('2026-11-03T00:00:00.000Z');
      const versions = await b.db
        .selectFrom('ad_versions')
        .select(['version', 'record'])
        .where('ad_id', '=', ad.id)
        .orderBy('version')
        .execute();
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(JSON.parse(versions[0].record).body).toContain('06 39 98 12 34');
      const ids = await b.db
        .selectFrom('ad_identifiers')
        .select('value')
        .where('ad_id', '=', ad.id)
        .execute();
      expect(ids.map((i) => i.value)).toEqual(['+33639985566']);
    });

    it('handles several records of one ad inside one batch in order', async () => {
      const r = await writeBatch(b, [
        await incoming(buildRecord({ id: 'c2', body: 'v1' })),
        await incoming(buildRecord({ id: 'c2', body: 'v1' })),
        await incoming(buildRecord({ id: 'c2', body: 'v2' })),
      ]);
      expect(r.outcomes).toEqual(['new', 'unchanged', 'updated']);
      const ad = await b.db
        .selectFrom('ads')
        .select('version')
        .where('source_id', '=', 'c2')
        .executeTakeFirstOrThrow();
      expect(ad.version).toBe(2);
    });

    it('finds ads by full text, accents and case folded, as prefixes', async () => {
      await writeBatch(b, [
        await incoming(buildRecord({ id: 'f1', title: 'Séjour à Besançon', body: 'Très discrète' })),
        await incoming(buildRecord({ id: 'f2', title: 'Voiture', body: 'Clio rouge' })),
      ]);
      const q = (terms: string[]) =>
        b.db
          .selectFrom('ads')
          .select('source_id')
          .where(b.fts.match(terms))
          .orderBy('source_id')
          .execute()
          .then((rows) => rows.map((r) => r.source_id));
      expect(await q(['besancon'])).toEqual(['f1']);
      expect(await q(['discr', 'sejour'])).toEqual(['f1']);
      expect(await q(['clio'])).toEqual(['f2']);
      expect(await q(['clio', 'besancon'])).toEqual([]);
    });

    it('updates the full-text index when an ad changes', async () => {
      await writeBatch(b, [await incoming(buildRecord({ id: 'f2', title: 'Vélo', body: 'Peugeot bleu' }))]);
      const hits = await b.db
        .selectFrom('ads')
        .select('source_id')
        .where(b.fts.match(['clio']))
        .execute();
      expect(hits).toEqual([]);
      const now = await b.db
        .selectFrom('ads')
        .select('source_id')
        .where(b.fts.match(['peugeot']))
        .execute();
      expect(now.map((r) => r.source_id)).toEqual(['f2']);
    });

    it('exports the latest version of each ad with empty, not invented, fields', async () => {
      const lines = [];
      for await (const l of exportAds(b, 2)) lines.push(l);
      const c1 = lines.find((l) => l.id === 'c1');
      expect(c1).toMatchObject({
        source: 'test-site.example',
        phones: ['+33639985566'],
        emails: [],
        city: null,
        cluster: null,
      });
      expect(lines.length).toBe((await countRows(b.db)).ads);
    });

    it('check finds nothing wrong, then detects a tampered capture', async () => {
      expect((await checkStore(b)).problems).toEqual([]);
      await sql`UPDATE captures SET raw = ${'{"tampered":true}'} WHERE id = (SELECT min(id) FROM captures)`.execute(
        b.db,
      );
      const r = await checkStore(b);
      expect(r.ok).toBe(false);
      expect(r.problems[0]).toMatch(/SHA-256 mismatch/);
    });
  });
}
