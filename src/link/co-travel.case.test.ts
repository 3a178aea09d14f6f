import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { linkNewAds } from './incremental.ts';
import { rebuildLinks } from './rebuild.ts';
import { type LinkTestAd, storeAds } from './test-support.ts';

// Distinct wording per ad, so that only phones (within a group) and travel (between groups) can link.
const WORDS = ['calme', 'gare', 'centre', 'parc', 'port', 'plage', 'musée', 'marché', 'pont', 'tour'];
const body = (n: number) =>
  `Annonce ${n} ${WORDS[n % 10]} ${WORDS[(n * 3 + 1) % 10]} ${WORDS[(n * 7 + 2) % 10]} numéro ${n * 97} ` +
  `${'abcdefghijklmnopqrstuvwxyz'.slice(n % 20, (n % 20) + 6)} rendez-vous ${n * 13}.`;
const day = (d: number) => `2026-09-${String(d).padStart(2, '0')}T12:00:00Z`;

/** Two victims, each with her own phone, moved together Rennes → Brest → Nantes; a third person elsewhere. */
function itinerary(prefix: string, phoneBase: number): LinkTestAd[] {
  const ads: LinkTestAd[] = [];
  let n = phoneBase * 10;
  const add = (who: string, phone: number, city: string, d: number) =>
    ads.push({
      id: `${prefix}-${who}-${city}-${d}`,
      body: body(n++),
      phones: [`+3363998${String(phone).padStart(4, '0')}`],
      city,
      posted_at: day(d),
    });
  for (const [city, d] of [
    ['Rennes', 1],
    ['Brest', 5],
    ['Nantes', 9],
  ] as const) {
    add('a', phoneBase, city, d);
    add('b', phoneBase + 1, city, d + 1);
  }
  add('a', phoneBase, 'Rennes', 2);
  add('b', phoneBase + 1, 'Brest', 6);
  for (const [city, d] of [
    ['Rennes', 1],
    ['Lille', 15],
    ['Metz', 25],
  ] as const)
    add('c', phoneBase + 2, city, d);
  return ads;
}

async function clustersBy(b: Backend, prefix: string) {
  const rows = await b.db
    .selectFrom('ads')
    .select(['source_id', 'cluster_id'])
    .where('source_id', 'like', `${prefix}-%`)
    .execute();
  const of = (who: string) =>
    new Set(rows.filter((r) => r.source_id.startsWith(`${prefix}-${who}-`)).map((r) => r.cluster_id));
  return { a: of('a'), b: of('b'), c: of('c') };
}

for (const kind of await backendsUnderTest()) {
  describe(`co-travel (${kind.name})`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
    });
    afterAll(async () => {
      await b?.close();
    });

    const expectTravelledTogether = async (prefix: string) => {
      const g = await clustersBy(b, prefix);
      expect(g.a.size).toBe(1);
      expect([...g.a][0]).toBeTruthy();
      expect(g.b).toEqual(g.a);
      expect([...g.c].some((c) => g.a.has(c))).toBe(false);
      const reasons = await b.db.selectFrom('links').select('reason').where('kind', '=', 'travel').execute();
      expect(reasons.some((r) => r.reason.startsWith('moved together: same cities on the same days'))).toBe(
        true,
      );
    };

    it('links two groups seen in three cities on the same days, imported in one batch', async () => {
      const { changed } = await storeAds(b, itinerary('one', 100));
      await linkNewAds(b, changed);
      await expectTravelledTogether('one');
    });

    it('links them too when the ads arrive one at a time, in time order', async () => {
      const ads = itinerary('each', 200).sort((x, y) => x.posted_at!.localeCompare(y.posted_at!));
      for (const ad of ads) {
        const { changed } = await storeAds(b, [ad]);
        await linkNewAds(b, changed);
      }
      await expectTravelledTogether('each');
    });

    it('rebuild finds the same groups', async () => {
      await rebuildLinks(b);
      await expectTravelledTogether('one');
      await expectTravelledTogether('each');
    });
  });
}
