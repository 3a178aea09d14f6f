import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from './database.ts';
import { textBandCandidates } from './link-repo.ts';
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
  });
}
