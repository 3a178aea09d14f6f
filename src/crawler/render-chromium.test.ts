import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { buildTestAnalyzer } from '../test-support/build.ts';
import { validateAdapter } from './adapter-loader.ts';
import { crawlSite } from './crawler.ts';
import { type FixtureServer, startFixtureSite, startForeignSite } from './fixtures/site.ts';
import { CHROMIUM_PATH, createChromiumRenderer } from './render-chromium.ts';

const available = existsSync(CHROMIUM_PATH);
if (process.env.CI === 'true' && !available) throw new Error(`${CHROMIUM_PATH} is required under CI=true`);

describe.skipIf(!available)('render: chromium', () => {
  let site: FixtureServer;
  let foreign: FixtureServer;
  let b: Backend;
  beforeAll(async () => {
    foreign = await startForeignSite();
    site = await startFixtureSite(foreign.url);
    b = await (await backendsUnderTest())[0].open();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
    await foreign?.close();
  });

  it('crawls a site whose content is written by JavaScript, all requests through the fetcher', async () => {
    const r = validateAdapter(
      {
        name: 'fixture-js-c',
        baseUrl: site.url,
        startUrls: ['/c/liste'],
        render: 'chromium',
        rateLimit: { requestsPerMinute: 6000 },
        list: { itemSelector: 'li.item' },
        detail: { id: { urlSegment: -1 }, title: 'h1', body: '.txt' },
      },
      'inline',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const s = await crawlSite({
      backend: b,
      adapter: r.adapter,
      analyzer: buildTestAnalyzer(),
      createRenderer: createChromiumRenderer,
    });
    expect(s.errorMessages).toEqual([]);
    expect(s.ads_new).toBe(1);
    const ad = await b.db
      .selectFrom('ads')
      .selectAll()
      .where('source_id', '=', 'c1')
      .executeTakeFirstOrThrow();
    expect(ad.body).toContain('Texte écrit par JavaScript');
    expect(site.hits.filter((h) => h.includes('/c/')).length).toBeGreaterThanOrEqual(2);
    expect(foreign.hits).toEqual([]);
  });
});
