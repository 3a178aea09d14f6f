import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainPath } from '../core/link/graph.ts';
import type { Backend } from '../store/database.ts';
import { addToStoplist } from '../store/link-repo.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { exportClusters } from './export-clusters.ts';
import { linkNewAds } from './incremental.ts';
import { rebuildLinks } from './rebuild.ts';
import { type LinkTestAd, storeAds } from './test-support.ts';

const T = (name: string, city: string) =>
  `Bonjour je suis ${name}, nouvelle sur ${city}, douce et discrète, je reçois dans un cadre propre et agréable, ` +
  'disponible tous les jours de 10h à 22h, appelez-moi pour plus de renseignements et à bientôt.';
const SOLO = (n: number) =>
  `Annonce numéro ${n} : ${['femme mature', 'étudiante sympa', 'masseuse diplômée', 'jeune femme'][n % 4]} ` +
  `${['quartier calme', 'près de la gare', 'centre ville', 'zone commerciale'][(n >> 2) % 4]}, ` +
  `${['sur rendez-vous', 'messages uniquement', 'pas de sms', 'appel prioritaire'][(n >> 4) % 4]} ${'abcdefghij'[n % 10]}.`;
const P = (n: number) => `+336399800${String(n).padStart(2, '0')}`;

async function clusterOf(b: Backend, sourceId: string): Promise<string | null> {
  const r = await b.db
    .selectFrom('ads')
    .select('cluster_id')
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow();
  return r.cluster_id;
}

for (const kind of await backendsUnderTest()) {
  describe(`incremental linking (${kind.name})`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
    });
    afterAll(async () => {
      await b?.close();
    });

    it('links ads sharing a phone and reports why', async () => {
      const { changed } = await storeAds(b, [
        {
          id: 'a1',
          body: T('Lina', 'Lyon'),
          phones: [P(1)],
          names: ['Lina'],
          city: 'Lyon',
          posted_at: '2026-10-01T10:00:00Z',
        },
        {
          id: 'a2',
          body: T('Maya', 'Lyon'),
          phones: [P(1)],
          names: ['Maya'],
          city: 'Lyon',
          posted_at: '2026-10-02T10:00:00Z',
        },
        { id: 's1', body: SOLO(1), phones: [P(50)], city: 'Paris', posted_at: '2026-10-02T10:00:00Z' },
      ]);
      const r = await linkNewAds(b, changed);
      const c1 = await clusterOf(b, 'a1');
      expect(c1).toMatch(/^N\d{7}$/);
      expect(await clusterOf(b, 'a2')).toBe(c1);
      expect(await clusterOf(b, 's1')).toBeNull();
      const ev = r.events.find((e) => e.clusterId === c1)!;
      expect(ev.reasons).toContain(`same phone ${P(1)}`);
      expect(r.clusterEvents).toContainEqual({ kind: 'new', clusterId: c1 });
      const cl = await b.db
        .selectFrom('clusters')
        .selectAll()
        .where('id', '=', c1!)
        .executeTakeFirstOrThrow();
      expect(cl.size).toBe(2);
      expect(cl.status).toBe('active');
    });

    it('links a persona whose phone changed through its text, keeping the cluster id', async () => {
      const before = await clusterOf(b, 'a1');
      const { changed } = await storeAds(b, [
        {
          id: 'a3',
          body: T('Lina', 'Grenoble'),
          phones: [P(2)],
          names: ['Lina'],
          city: 'Grenoble',
          posted_at: '2026-10-06T10:00:00Z',
        },
      ]);
      const r = await linkNewAds(b, changed);
      expect(await clusterOf(b, 'a3')).toBe(before);
      expect(
        r.events[0]!.reasons.some((x) =>
          /^text 0\.\d\d similar to ad \d+ — persona continuity: phone changed/.test(x),
        ),
      ).toBe(true);
    });

    it('merges two networks when an ad bridges them, recording the merge', async () => {
      const keep = await clusterOf(b, 'a1');
      const x = await storeAds(b, [
        { id: 'b1', body: SOLO(20), phones: [P(3)], city: 'Nice', posted_at: '2026-10-03T10:00:00Z' },
        { id: 'b2', body: SOLO(37), phones: [P(3)], city: 'Nice', posted_at: '2026-10-04T10:00:00Z' },
      ]);
      await linkNewAds(b, x.changed);
      const other = await clusterOf(b, 'b1');
      expect(other).not.toBeNull();
      expect(other).not.toBe(keep);
      const y = await storeAds(b, [
        {
          id: 'bridge',
          body: SOLO(42),
          phones: [P(1), P(3)],
          city: 'Nice',
          posted_at: '2026-10-05T10:00:00Z',
        },
      ]);
      const r = await linkNewAds(b, y.changed);
      expect(await clusterOf(b, 'b1')).toBe(keep);
      expect(await clusterOf(b, 'bridge')).toBe(keep);
      expect(r.clusterEvents).toContainEqual({ kind: 'merge', clusterId: keep, from: [keep, other].sort() });
      const retired = await b.db
        .selectFrom('clusters')
        .select(['status', 'size'])
        .where('id', '=', other!)
        .executeTakeFirstOrThrow();
      expect(retired).toEqual({ status: 'retired', size: 0 });
      const hist = await b.db
        .selectFrom('cluster_membership as m')
        .innerJoin('ads', 'ads.id', 'm.ad_id')
        .select(['m.cluster_id', 'm.left_at'])
        .where('ads.source_id', '=', 'b1')
        .orderBy('m.joined_at')
        .execute();
      expect(hist.map((h) => [h.cluster_id, h.left_at === null])).toEqual([
        [other, false],
        [keep, true],
      ]);
    });

    it('does not merge through a number seen in many cities at once, and says so', async () => {
      const cities = ['Paris', 'Lille', 'Nantes', 'Rennes', 'Brest', 'Metz', 'Dijon', 'Tours', 'Pau'];
      const hubAds: LinkTestAd[] = cities.map((city, i) => ({
        id: `h${i}`,
        body: SOLO(100 + i * 7),
        phones: [P(90), P(60 + i)],
        city,
        posted_at: '2026-10-10T10:00:00Z',
      }));
      const { changed } = await storeAds(b, hubAds);
      await linkNewAds(b, changed);
      const clusters = await Promise.all(cities.map((_, i) => clusterOf(b, `h${i}`)));
      expect(clusters.every((c) => c === null)).toBe(true);
      const s = await b.db
        .selectFrom('link_suppressed')
        .selectAll()
        .where('value', '=', P(90))
        .executeTakeFirstOrThrow();
      expect(s.reason).toMatch(
        /^suppressed: shared by \d+ ads (in \d+ cities within 7 days|with \d+ different contacts)$/,
      );
    });

    it('honours the stop-list', async () => {
      await addToStoplist(b.db, [{ kind: 'phone', value: P(91), note: 'helpline' }]);
      const { changed } = await storeAds(b, [
        { id: 'q1', body: SOLO(201), phones: [P(91)], city: 'Lyon', posted_at: '2026-10-11T10:00:00Z' },
        { id: 'q2', body: SOLO(214), phones: [P(91)], city: 'Lyon', posted_at: '2026-10-11T11:00:00Z' },
      ]);
      await linkNewAds(b, changed);
      expect(await clusterOf(b, 'q1')).toBeNull();
      const s = await b.db
        .selectFrom('link_suppressed')
        .select('reason')
        .where('value', '=', P(91))
        .executeTakeFirstOrThrow();
      expect(s.reason).toContain('stop-list');
    });

    it('links near-identical images', async () => {
      const { changed } = await storeAds(b, [
        {
          id: 'i1',
          body: SOLO(300),
          phones: [P(70)],
          city: 'Caen',
          phash: 'aaaa0000ffff1111',
          posted_at: '2026-10-12T10:00:00Z',
        },
        {
          id: 'i2',
          body: SOLO(333),
          phones: [P(71)],
          city: 'Caen',
          phash: 'aaaa0000ffff1117',
          posted_at: '2026-10-13T10:00:00Z',
        },
      ]);
      const r = await linkNewAds(b, changed);
      expect(await clusterOf(b, 'i1')).not.toBeNull();
      expect(await clusterOf(b, 'i2')).toBe(await clusterOf(b, 'i1'));
      expect(r.events[0]!.reasons[0]).toMatch(
        /^similar image \(pHash distance 2\) — persona continuity: phone changed/,
      );
    });

    it('rebuild reproduces the clusters with the same ids, streaming in small pages', async () => {
      const before = await b.db
        .selectFrom('ads')
        .select(['source_id', 'cluster_id'])
        .orderBy('source_id')
        .execute();
      const linksBefore = await b.db.selectFrom('links').select('reason').where('strong', '=', 1).execute();
      const r = await rebuildLinks(b, { pageSize: 3 });
      const after = await b.db
        .selectFrom('ads')
        .select(['source_id', 'cluster_id'])
        .orderBy('source_id')
        .execute();
      expect(after).toEqual(before);
      expect(r.ads).toBe(before.length);
      expect(r.clusters).toBe(new Set(before.map((x) => x.cluster_id).filter(Boolean)).size);
      expect(r.suppressed).toBeGreaterThanOrEqual(2);
      const reasons = (await b.db.selectFrom('links').select('reason').where('strong', '=', 1).execute()).map(
        (x) => x.reason,
      );
      expect(reasons).toContain(`same phone ${P(1)}`);
      expect(reasons.some((x) => x.includes('persona continuity: phone changed'))).toBe(true);
      expect(linksBefore.length).toBeGreaterThan(0);
      // Every two ads of a network can be explained by a chain of stored links.
      const stored = await b.db
        .selectFrom('links')
        .select(['ad_a', 'ad_b', 'reason'])
        .where('strong', '=', 1)
        .execute();
      const graph = stored.map((l) => ({
        a: l.ad_a,
        b: l.ad_b,
        kind: 'phone' as const,
        weight: 1,
        strong: true,
        reason: l.reason,
      }));
      const ids = await b.db
        .selectFrom('ads')
        .select(['id', 'source_id'])
        .where('source_id', 'in', ['a2', 'bridge'])
        .execute();
      const path = explainPath(graph, ids[0]!.id, ids[1]!.id);
      expect(path.length).toBeGreaterThan(0);
      expect(path.some((l) => l.reason === `same phone ${P(1)}`)).toBe(true);
      const bands = await b.db.selectFrom('link_text_bands').select('ad_id').execute();
      expect(bands.length).toBeGreaterThan(0);
    });

    it('rebuild leaves planner statistics on what incremental linking reads', async () => {
      await rebuildLinks(b);
      const analysed =
        b.name === 'sqlite'
          ? (await sql<{ t: string }>`SELECT DISTINCT tbl AS t FROM sqlite_stat1`.execute(b.db)).rows
          : (
              await sql<{
                t: string;
              }>`SELECT relname AS t FROM pg_stat_user_tables WHERE schemaname = current_schema() AND last_analyze IS NOT NULL`.execute(
                b.db,
              )
            ).rows;
      const tables = new Set(analysed.map((r) => r.t));
      for (const t of ['ads', 'ad_identifiers', 'links', 'link_text_bands', 'clusters', 'cluster_membership'])
        expect(tables, t).toContain(t);
    });

    it('rebuild without the hub check lets the shared number glue ads (what suppression prevents)', async () => {
      await rebuildLinks(b, { signals: { hubs: false } });
      const c = await clusterOf(b, 'h0');
      expect(c).not.toBeNull();
      expect(await clusterOf(b, 'h5')).toBe(c);
      await rebuildLinks(b);
      expect(await clusterOf(b, 'h0')).toBeNull();
      const ev = await b.db
        .selectFrom('cluster_events')
        .select(['kind'])
        .where('cluster_id', '=', c!)
        .execute();
      expect(ev.map((e) => e.kind)).toContain('retired');
    });

    it('exports clusters with identifiers, personas, timeline, template and reasons', async () => {
      const cid = await clusterOf(b, 'a1');
      const lines = [];
      for await (const l of exportClusters(b)) lines.push(l);
      const c = lines.find((l) => l.id === cid)!;
      expect(c.ads.map((a) => a.id)).toEqual(
        expect.arrayContaining(['a1', 'a2', 'a3', 'b1', 'b2', 'bridge']),
      );
      expect(c.size).toBe(c.ads.length);
      expect(c.identifiers.phones.map((p) => p.value)).toEqual(expect.arrayContaining([P(1), P(2), P(3)]));
      expect(c.personas.map((p) => p.name)).toEqual(expect.arrayContaining(['Lina', 'Maya']));
      expect(c.personas.find((p) => p.name === 'Lina')!.phones.sort()).toEqual([P(1), P(2)]);
      expect(c.movement.stops.map((s) => s.city)).toEqual(['Lyon', 'Nice', 'Grenoble']);
      expect(c.movement.tours).toEqual([
        {
          start: '2026-10-01T10:00:00.000Z',
          end: '2026-10-06T10:00:00.000Z',
          cities: ['Lyon', 'Nice', 'Grenoble'],
        },
      ]);
      expect(c.movement_by_phone[P(2)]!.stops.map((s) => s.city)).toEqual(['Grenoble']);
      expect(c.template!.template).toContain(
        'Bonjour je suis {name}, nouvelle sur {city}, douce et discrète',
      );
      expect(c.template!.support).toBe(3);
      expect(c.link_reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['phone', 'text']));
      expect(c.scores.control).toEqual({ max: 0.5, mean: 0.5 });
      const dirty = await b.db
        .selectFrom('clusters')
        .select('dirty')
        .where('id', '=', cid!)
        .executeTakeFirstOrThrow();
      expect(dirty.dirty).toBe(0);
    });
  });
}
