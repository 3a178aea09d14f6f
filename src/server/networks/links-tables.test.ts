import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../store/database.ts';
import { backendsUnderTest } from '../../store/test-backends.ts';
import { type Client, seedAds, signIn, testApp } from '../test-support.ts';

for (const kind of await backendsUnderTest()) {
  describe(`reads the linking stage's tables when present (${kind.name})`, () => {
    let b: Backend;
    let c: Client;
    let ids: number[];
    beforeAll(async () => {
      b = await kind.open();
      ids = await seedAds(b, [
        { record: { id: 'l1', body: 'Texte commun à deux annonces' } },
        { record: { id: 'l2', body: 'Texte commun à deux annonces, autre ville' } },
      ]);
      await b.db.updateTable('ads').set({ cluster_id: 'N000042' }).where('id', 'in', ids).execute();
      const t = '2026-11-01T00:00:00.000Z';
      await b.db
        .insertInto('links')
        .values({
          ad_a: ids[0],
          ad_b: ids[1],
          kind: 'text',
          weight: 0.9,
          strong: 1,
          reason: 'near-identical text (Jaccard 0.91)',
          via: null,
          created_at: t,
        })
        .execute();
      await b.db
        .insertInto('clusters')
        .values({
          id: 'N000042',
          created_at: t,
          updated_at: t,
          size: 2,
          status: 'active',
          dirty: 0,
          template: JSON.stringify({ text: 'Texte commun à {slot}' }),
          movement: null,
          scores: null,
          summary: null,
        })
        .execute();
      c = await signIn(testApp(b), 'analyst');
    });
    afterAll(async () => b?.close());

    it('shows evidence links with their reasons on the ad', async () => {
      const ad = await c.json<{
        linked: { id: number; reasons: { kind: string; reason: string; weight: number }[] }[];
      }>('GET', `/ads/${ids[0]}`);
      expect(ad.body.linked).toMatchObject([
        {
          id: ids[1],
          reasons: [{ kind: 'text', reason: 'near-identical text (Jaccard 0.91)', weight: 0.9 }],
        },
      ]);
    });

    it('shows the template and the link reasons on the network, and an ad-to-ad edge in the graph', async () => {
      const n = await c.json<{
        extras: { template: { text: string } };
        linkReasons: { kind: string; a: number }[];
        graph: { edges: { source: string; target: string; kind: string }[] };
      }>('GET', '/networks/N000042');
      expect(n.body.extras.template.text).toBe('Texte commun à {slot}');
      expect(n.body.linkReasons[0]).toMatchObject({ kind: 'text', a: ids[0] });
      expect(n.body.graph.edges).toContainEqual({
        source: `ad:${ids[0]}`,
        target: `ad:${ids[1]}`,
        kind: 'text',
      });
    });
  });
}
