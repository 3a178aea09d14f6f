import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from './database.ts';
import { linksTouching, textBandCandidates } from './link-repo.ts';
import { backendsUnderTest } from './test-backends.ts';

for (const kind of await backendsUnderTest()) {
  describe(`text band lookups (${kind.name})`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
      const rows = [
        ...Array.from({ length: 5 }, (_, i) => ({ band_key: 11, ad_id: 100 + i })),
        ...Array.from({ length: 40 }, (_, i) => ({ band_key: -7, ad_id: 1000 + i })),
        { band_key: 12, ad_id: 100 },
      ];
      await b.db.insertInto('link_text_bands').values(rows).execute();
    });
    afterAll(async () => {
      await b?.close();
    });

    it('reads a small bucket whole and a large one as its newest ads', async () => {
      const got = await textBandCandidates(b.db, [11, -7, 11, 99], 25);
      const of = (k: number) =>
        got
          .filter((r) => r.band_key === k)
          .map((r) => r.ad_id)
          .sort((x, y) => x - y);
      expect(of(11)).toEqual([100, 101, 102, 103, 104]);
      expect(of(-7)).toEqual(Array.from({ length: 25 }, (_, i) => 1015 + i));
      expect(of(99)).toEqual([]);
      expect(got.filter((r) => r.band_key === 12)).toEqual([]);
    });

    it('takes any number of keys', async () => {
      const keys = Array.from({ length: 150 }, (_, i) => i - 20);
      const got = await textBandCandidates(b.db, keys, 25);
      expect(new Set(got.map((r) => `${r.band_key}|${r.ad_id}`)).size).toBe(5 + 25 + 1);
    });

    it('returns each link touching the ads once, however many ads are asked for', async () => {
      // A chain 1–2–…–1200: asked in chunks, a link across two chunks must not come twice.
      const link = (a: number, z: number) => ({
        ad_a: a,
        ad_b: z,
        kind: 'phone',
        weight: 1,
        strong: 1,
        reason: `r${a}`,
        via: null,
        created_at: '2026-01-01T00:00:00Z',
      });
      const rows = Array.from({ length: 1199 }, (_, i) => link(i + 1, i + 2));
      for (let i = 0; i < rows.length; i += 200)
        await b.db
          .insertInto('links')
          .values(rows.slice(i, i + 200))
          .execute();
      const ids = Array.from({ length: 1200 }, (_, i) => 1200 - i);
      const got = await linksTouching(b.db, ids);
      expect(got.length).toBe(1199);
      expect(new Set(got.map((r) => r.reason)).size).toBe(1199);
      expect((await linksTouching(b.db, [500, 501])).map((r) => r.reason).sort()).toEqual([
        'r499',
        'r500',
        'r501',
      ]);
    });
  });
}
