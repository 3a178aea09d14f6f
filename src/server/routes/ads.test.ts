import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../store/database.ts';
import { backendsUnderTest } from '../../store/test-backends.ts';
import type { AdSummary } from '../ads/present.ts';
import { type Client, seedAds, signIn, testApp } from '../test-support.ts';

type Page = { items: AdSummary[]; nextCursor: string | null; total: number };

for (const kind of await backendsUnderTest()) {
  describe(`ads routes (${kind.name})`, () => {
    let b: Backend;
    let c: Client;
    let ids: number[];
    beforeAll(async () => {
      b = await kind.open();
      ids = await seedAds(b, [
        {
          record: {
            id: 'a1',
            title: 'Nouvelle à Lyon',
            body: 'Petite nouvelle, appelez le 06 39 98 12 34',
            category: 'escort',
          },
          phones: ['+33639981234'],
          place: { name: 'Lyon', insee: '69123', departement: '69' },
          indicators: [{ code: 'minor.new_girl', category: 'minor' }],
          scores: { minor: 0.8, control: 0.2 },
        },
        {
          record: {
            id: 'a2',
            title: 'Étudiante à Lyon',
            body: 'Étudiante disponible, 06 39 98 12 34',
            category: 'escort',
          },
          phones: ['+33639981234'],
          place: { name: 'Lyon', insee: '69123', departement: '69' },
          scores: { minor: 0.5, control: 0.6 },
        },
        {
          record: {
            id: 'a3',
            source: 'other.example',
            title: 'Massage Paris',
            body: 'Massage relaxant, 01 99 00 11 22',
            category: 'massage',
          },
          phones: ['+33199001122'],
          place: { name: 'Paris', insee: '75056', departement: '75' },
          scores: { minor: 0.1 },
        },
        { record: { id: 'a4', title: 'Voiture', body: 'Vends voiture', category: 'auto' } },
        {
          record: { id: 'a5', title: 'Nouvelle à Marseille', body: 'Nouvelle en ville', category: 'escort' },
          place: { name: 'Marseille', insee: '13055', departement: '13' },
          scores: { minor: 0.3 },
          images: [
            {
              ref: 'img/1.png',
              sha256: 'a'.repeat(64),
              phash: '0',
              thumb: new Uint8Array([0x89, 0x50, 1, 2]),
              status: 'ok',
            },
          ],
        },
      ]);
      c = await signIn(testApp(b), 'analyst');
    });
    afterAll(async () => b?.close());

    const list = async (qs: string) => {
      const r = await c.json<Page>('GET', `/ads?${qs}`);
      expect(r.status).toBe(200);
      return r.body;
    };
    const srcIds = (p: Page) => p.items.map((i) => i.sourceId).sort();

    it('lists newest first with totals and summaries', async () => {
      const p = await list('');
      expect(p.total).toBe(5);
      expect(p.items[0].sourceId).toBe('a5');
      expect(p.items.find((i) => i.sourceId === 'a1')).toMatchObject({
        phones: ['+33639981234'],
        indicators: ['minor.new_girl'],
        city: 'Lyon',
      });
    });

    it('filters by source, département, commune, category, scores, indicator, time and reviewed', async () => {
      expect(srcIds(await list('source=other.example'))).toEqual(['a3']);
      expect(srcIds(await list('departement=69,13'))).toEqual(['a1', 'a2', 'a5']);
      expect(srcIds(await list('commune=75056'))).toEqual(['a3']);
      expect(srcIds(await list('category=escort&category=massage'))).toEqual(['a1', 'a2', 'a3', 'a5']);
      expect(srcIds(await list('minMinor=0.5'))).toEqual(['a1', 'a2']);
      expect(srcIds(await list('minControl=0.5'))).toEqual(['a2']);
      expect(srcIds(await list('indicator=minor.new_girl'))).toEqual(['a1']);
      expect(srcIds(await list('from=2026-10-01T00:02:00Z&to=2026-10-01T00:04:00Z'))).toEqual(['a3', 'a4']);
      expect(srcIds(await list('reviewed=true'))).toEqual([]);
    });

    it('searches full text without accents and by phone in any format', async () => {
      expect(srcIds(await list('q=etudiante'))).toEqual(['a2']);
      expect(srcIds(await list('q=NOUVEL'))).toEqual(['a1', 'a5']);
      expect(srcIds(await list(`identifier=${encodeURIComponent('06.39.98.12.34')}`))).toEqual(['a1', 'a2']);
      expect(srcIds(await list(`identifier=${encodeURIComponent('+33 1 99 00 11 22')}`))).toEqual(['a3']);
      const bad = await c.req('GET', '/ads?identifier=%21%21');
      expect(bad.status).toBe(400);
    });

    it('pages with a keyset cursor and with an offset, sorted by score', async () => {
      const first = await list('limit=2&sort=minor');
      expect(first.items.map((i) => i.sourceId)).toEqual(['a1', 'a2']);
      const second = await list(`limit=2&sort=minor&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.sourceId)).toEqual(['a5', 'a3']);
      const third = await list(`limit=2&sort=minor&cursor=${second.nextCursor}`);
      expect(third.items.map((i) => i.sourceId)).toEqual(['a4']);
      expect(third.nextCursor).toBeNull();
      expect((await list('limit=2&offset=2&sort=minor')).items.map((i) => i.sourceId)).toEqual(['a5', 'a3']);
      expect((await c.req('GET', '/ads?cursor=garbage')).status).toBe(400);
    });

    it('caps the total, inline on a first page and by a separate count on later pages', async () => {
      const { AdListSchema, queryAds } = await import('../ads/query-ads.ts');
      const first = await queryAds(b, AdListSchema.parse({ limit: '1' }), 2);
      expect(first).toMatchObject({ total: 2, totalExact: false });
      expect(first.items.length).toBe(1);
      const later = await queryAds(b, AdListSchema.parse({ limit: '1', offset: '1' }), 2);
      expect(later).toMatchObject({ total: 2, totalExact: false });
      const exact = await queryAds(b, AdListSchema.parse({ minMinor: '0.5' }), 2);
      expect(exact).toMatchObject({ total: 2, totalExact: true });
    });

    it('shows an ad with versions and hashes, indicators, images and linked ads with reasons', async () => {
      const r = await c.json<
        Record<string, unknown> & { linked: { sourceId: string; reasons: { reason: string }[] }[] }
      >('GET', `/ads/${ids[0]}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        sourceId: 'a1',
        place: { insee: '69123' },
        indicators: [{ code: 'minor.new_girl' }],
      });
      const versions = r.body.versions as { version: number; capture: { sha256: string } }[];
      expect(versions[0].version).toBe(1);
      expect(versions[0].capture.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(r.body.linked.map((l) => l.sourceId)).toEqual(['a2']);
      expect(r.body.linked[0].reasons[0].reason).toContain('+33639981234');
      const v = await c.json<{ capture: { raw: string } }>('GET', `/ads/${ids[0]}/versions/1`);
      expect(JSON.parse(v.body.capture.raw)).toMatchObject({ id: 'a1' });
      expect((await c.req('GET', '/ads/999999')).status).toBe(404);
      const audit = await b.db
        .selectFrom('audit_log')
        .select(['action', 'target_id'])
        .where('action', '=', 'view_ad')
        .execute();
      expect(audit).toContainEqual({ action: 'view_ad', target_id: String(ids[0]) });
    });

    it('serves the blurred thumbnail (audited) and refuses an original that is not stored', async () => {
      const t = await c.req('GET', `/ads/${ids[4]}/images/0/thumb`);
      expect(t.status).toBe(200);
      expect(t.headers.get('content-type')).toBe('image/png');
      const o = await c.req('GET', `/ads/${ids[4]}/images/0/original?reason=identify+victim`);
      expect(o.status).toBe(404);
      expect(await o.json()).toMatchObject({ error: 'not_stored' });
      const audit = await b.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('action', 'in', ['view_image', 'view_image_original'])
        .execute();
      expect(audit.length).toBe(2);
    });

    it('serves an original stored as a data URI, only with a reason', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      const [id] = await seedAds(b, [
        {
          record: { id: 'img2' },
          images: [
            {
              ref: `data:image/png;base64,${png.toString('base64')}`,
              sha256: 'b'.repeat(64),
              phash: null,
              thumb: null,
              status: 'ok',
            },
          ],
        },
      ]);
      expect((await c.req('GET', `/ads/${id}/images/0/original`)).status).toBe(400);
      const o = await c.req('GET', `/ads/${id}/images/0/original?reason=compare+faces`);
      expect(o.status).toBe(200);
      expect(Buffer.from(await o.arrayBuffer())).toEqual(png);
      const row = await b.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'view_image_original')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.details!)).toMatchObject({ reason: 'compare faces', served: true });
      await b.db.deleteFrom('ads').where('id', '=', id).execute();
    });

    it('filters indicators by scanning the analysis on databases without the indicator index', async () => {
      const { applyAdFilters } = await import('../ads/list-ads.ts');
      const { AdFilterSchema } = await import('../ads/list-ads.ts');
      const f = AdFilterSchema.parse({ indicator: 'minor.new_girl' });
      const rows = await applyAdFilters(b, b.db.selectFrom('ads'), f, { indicatorIndex: false })
        .q.select('ads.source_id')
        .execute();
      expect(rows.map((r) => r.source_id)).toEqual(['a1']);
    });

    it('marks ads reviewed in bulk', async () => {
      const r = await c.json('POST', '/ads/review', { ids: [ids[0], ids[1]], reviewed: true });
      expect(r.body).toEqual({ updated: 2 });
      expect(srcIds(await list('reviewed=true'))).toEqual(['a1', 'a2']);
    });
  });
}
