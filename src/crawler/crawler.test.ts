import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAds } from '../export/export-ads.ts';
import type { Backend } from '../store/database.ts';
import { readPageCapture } from '../store/crawl-repo.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { imageHasher } from '../pipeline/image-hasher.ts';
import { buildTestAnalyzer } from '../test-support/build.ts';
import { type LoadedAdapter, loadAdapter } from './adapter-loader.ts';
import { crawlSite } from './crawler.ts';
import { type FixtureServer, startFixtureSite, startForeignSite } from './fixtures/site.ts';
import { siteHealth } from './health.ts';
import { adCrawlHistory } from './history.ts';

const analyzer = buildTestAnalyzer();
let site: FixtureServer;
let foreign: FixtureServer;
let A: LoadedAdapter;
let B: LoadedAdapter;

beforeAll(async () => {
  foreign = await startForeignSite();
  site = await startFixtureSite(foreign.url);
  A = await loadAdapter('data/adapters/fixture-annonces-a.json', { baseUrl: site.url });
  B = await loadAdapter('data/adapters/fixture-petites-b.json', { baseUrl: site.url });
});
afterAll(async () => {
  await site?.close();
  await foreign?.close();
});

const crawl = (b: Backend, adapter: LoadedAdapter) =>
  crawlSite({ backend: b, adapter, analyzer, imageHasher, backoffMs: 10 });
const ad = (b: Backend, source: string, id: string) =>
  b.db
    .selectFrom('ads')
    .selectAll()
    .where('source', '=', source)
    .where('source_id', '=', id)
    .executeTakeFirst();

for (const kind of await backendsUnderTest()) {
  describe(`crawler against the fixture site (${kind.name})`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
      site.setRound(1);
    });
    afterAll(async () => b?.close());

    it('crawls layout A once: ads stored, hostile pages contained, captures verifiable', async () => {
      const flakyBefore = site.hits.filter((h) => h.includes('flaky')).length;
      const s = await crawl(b, A);
      expect(s.status).toBe('partial');
      expect(s.listingComplete).toBe(true);
      expect(s.ads_new).toBe(6); // 101, 102, 103, 104 (malformed), 105, flaky (after two 500s)
      const msgs = s.errorMessages.join('\n');
      expect(msgs).toMatch(/slow\.html: no complete response in time/);
      expect(msgs).toMatch(/broken\.html: HTTP 500/);
      expect(msgs).toMatch(/huge\.html: page larger than/);
      expect(msgs).toMatch(/redirect_loop/);
      expect(msgs).toMatch(/host_not_allowed: .*capture-me/);
      expect(msgs).toMatch(/robots_disallowed: .*private/);
      expect(s.refused).toBeGreaterThanOrEqual(3);
      expect(foreign.hits).toEqual([]);
      expect(site.hits.filter((h) => h.includes('/private/'))).toEqual([]);
      expect(site.hits.filter((h) => h.includes('flaky')).length - flakyBefore).toBe(3); // two 500s, then success

      const lea = await ad(b, A.name, '101');
      expect(lea?.body).toContain('06 39 98 10 01');
      expect(lea?.city_raw).toBe('Lyon');
      expect(lea?.age_raw).toBe(24);
      expect(lea?.phone_raw).toBe('0639981001');
      expect(lea?.category).toBe('Rencontres');
      expect(lea?.posted_at).toBe('2026-11-12T13:05:00.000Z');
      const malformed = await ad(b, A.name, '104');
      expect(malformed?.body).toContain('06 39 98 10 04');

      const caps = await b.db
        .selectFrom('page_captures')
        .select(['id', 'kind', 'truncated', 'source_id'])
        .where('run_id', '=', s.runId)
        .execute();
      const detail = caps.find((c) => c.kind === 'detail' && c.source_id === '101');
      expect(detail).toBeDefined();
      const full = await readPageCapture(b.db, detail?.id ?? 0);
      expect(full?.verified).toBe(true);
      expect(new TextDecoder().decode(full?.raw ?? new Uint8Array())).toContain('Nouvelle en ville');
      expect(caps.some((c) => c.truncated === 1)).toBe(true);
      expect(caps.some((c) => c.kind === 'robots')).toBe(true);

      const img = await b.db
        .selectFrom('ad_images')
        .selectAll()
        .where('ad_id', '=', lea?.id ?? 0)
        .executeTakeFirst();
      expect(img?.status).toBe('ok');
      expect(img?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(img?.thumb?.byteLength).toBeGreaterThan(0);
      expect(img?.phash).toBeTruthy();
      const imgCap = await b.db
        .selectFrom('page_captures')
        .select(['body', 'sha256'])
        .where('kind', '=', 'image')
        .where('source_id', '=', '101')
        .executeTakeFirst();
      expect(imgCap?.sha256).toBe(img?.sha256);
      expect(imgCap?.body).toBeNull(); // originals are not kept unless configured
    });

    it('crawls layout A again: the edit is a new version, deletions and the repost are recorded', async () => {
      site.setRound(2);
      const before = (await ad(b, A.name, '102'))?.body;
      const s = await crawl(b, A);
      expect(s.ads_new).toBe(1);
      expect(s.ads_updated).toBe(1);
      expect(s.ads_deleted).toBe(2);
      expect(s.reposts).toBe(1);

      const edited = await ad(b, A.name, '102');
      expect(edited?.version).toBe(2);
      const versions = await b.db
        .selectFrom('ad_versions')
        .select(['version', 'record'])
        .where('ad_id', '=', edited?.id ?? 0)
        .orderBy('version')
        .execute();
      expect(JSON.parse(versions[0].record).body).toBe(before);
      expect(JSON.parse(versions[1].record).body).toContain('06 39 98 10 22');

      const gone410 = await ad(b, A.name, '103');
      const unlisted = await ad(b, A.name, '105');
      expect(gone410?.deleted_at).not.toBeNull();
      expect(gone410?.body).toContain('Grenoble');
      expect(unlisted?.deleted_at).not.toBeNull();
      const reasons = await b.db
        .selectFrom('ad_deletions')
        .select(['ad_id', 'reason'])
        .orderBy('ad_id')
        .execute();
      expect(reasons.map((r) => r.reason).sort()).toEqual(['http_410', 'unlisted']);
      expect((await ad(b, A.name, '101'))?.deleted_at).toBeNull();

      const repost = await ad(b, A.name, '201');
      const link = await b.db
        .selectFrom('reposts')
        .selectAll()
        .where('ad_id', '=', repost?.id ?? 0)
        .executeTakeFirst();
      expect(link?.original_ad_id).toBe((await ad(b, A.name, '101'))?.id);
      const h201 = await adCrawlHistory(b, repost?.id ?? 0);
      expect(h201?.repostOf).toMatchObject({ source: A.name, sourceId: '101' });
      const h103 = await adCrawlHistory(b, gone410?.id ?? 0);
      expect(h103?.deletions.map((d) => d.reason)).toEqual(['http_410']);
      expect(h103?.captures.map((c) => c.status)).toEqual([200, 410]);

      const lines = [];
      for await (const l of exportAds(b)) if (l.source === A.name) lines.push(l);
      const byId = new Map(lines.map((l) => [l.id, l]));
      expect(byId.get('102')?.phones).toEqual(['+33639981022']);
      expect(byId.get('201')?.phones).toEqual(['+33639981001']);
      expect(byId.get('201')?.repost_of).toEqual({ source: A.name, id: '101' });
      expect(byId.get('101')?.repost_of).toBeNull();
      expect(byId.get('103')?.deleted_at).toBe(gone410?.deleted_at);
      expect(byId.get('101')?.deleted_at).toBeNull();
      expect(byId.get('102')?.versions).toBe(2);
      expect(byId.has('103')).toBe(true); // deleted ads keep their content
    });

    it('crawls layout B through its age-gate form, next links and a "removed" page', async () => {
      site.setRound(1);
      const s1 = await crawl(b, B);
      expect(s1.status).toBe('ok');
      expect(s1.ads_new).toBe(3);
      expect(site.hits).toContain('POST /b/gate');
      const b1 = await ad(b, B.name, 'b1');
      expect(b1?.city_raw).toBe('Marseille');
      expect(b1?.age_raw).toBe(22);
      expect(b1?.body).toBe('Hôtesse de passage à Marseille.\nJoignable au 06 39 98 20 01 après 18h.');
      const img = await b.db
        .selectFrom('ad_images')
        .select(['status', 'ref'])
        .where('ad_id', '=', b1?.id ?? 0)
        .executeTakeFirst();
      expect(img?.status).toBe('refused');
      expect(foreign.hits).toEqual([]);

      site.setRound(2);
      const s2 = await crawl(b, B);
      expect(s2.ads_updated).toBe(1);
      expect(s2.ads_deleted).toBe(1);
      expect((await ad(b, B.name, 'b2'))?.deleted_at).not.toBeNull();
      expect((await ad(b, B.name, 'b3'))?.city_raw).toBe('Cannes');
    });

    it('reports per-site health', async () => {
      const h = await siteHealth(b);
      const a = h.find((x) => x.source === A.name);
      expect(a?.runs).toBe(2);
      expect(a?.lastSuccessAt).not.toBeNull();
      expect(a?.pagesTotal).toBeGreaterThan(10);
      expect(a?.lastRun?.errors).toBeGreaterThan(0);
      expect(a?.ads).toBe(7);
      expect(a?.deletedAds).toBe(2);
    });
  });
}
