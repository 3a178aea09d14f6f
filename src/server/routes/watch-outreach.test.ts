import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../store/database.ts';
import { writeSetting } from '../../store/server-settings-repo.ts';
import { backendsUnderTest } from '../../store/test-backends.ts';
import { checkAlerts } from '../alerts.ts';
import { type Client, type TestApp, seedAds, signIn, testApp } from '../test-support.ts';

for (const kind of await backendsUnderTest()) {
  describe(`watchlists, alerts, outreach (${kind.name})`, () => {
    let b: Backend;
    let app: TestApp;
    let analyst: Client;
    let other: Client;
    let outreach: Client;
    beforeAll(async () => {
      b = await kind.open();
      const dir = mkdtempSync(join(tmpdir(), 'vigie-tpl-'));
      writeFileSync(
        join(dir, 'fr.json'),
        JSON.stringify({
          lang: 'fr',
          label: 'Français',
          templates: [{ id: 't1', name: 'Premier', text: 'Bonjour' }],
          resources: [{ name: '119', contact: '119' }],
        }),
      );
      writeFileSync(join(dir, 'broken.json'), '{');
      app = testApp(b, { config: { templatesDir: dir } });
      analyst = await signIn(app, 'analyst');
      other = await signIn(app, 'analyst');
      outreach = await signIn(app, 'outreach');
    });
    afterAll(async () => b?.close());

    it('raises one alert per new matching ad for phone and saved-search watchlists, to their owner only', async () => {
      const w1 = await analyst.json<{ value: string }>('POST', '/watchlists', {
        kind: 'phone',
        value: '06 39 98 55 55',
        label: 'numéro suivi',
      });
      expect(w1.status).toBe(201);
      expect(w1.body.value).toBe('+33639985555');
      await analyst.json('POST', '/watchlists', {
        kind: 'search',
        value: JSON.stringify({ q: 'tournee', departement: ['33'] }),
      });
      expect((await analyst.req('POST', '/watchlists', { kind: 'phone', value: 'bonjour' })).status).toBe(
        400,
      );
      expect(
        (
          await analyst.req('POST', '/watchlists', {
            kind: 'phone',
            value: '0639985555',
            webhookUrl: 'https://evil.example/hook',
          })
        ).status,
      ).toBe(400);
      const ids = await seedAds(b, [
        { record: { id: 'w1', body: 'Appelez 06 39 98 55 55' }, phones: ['+33639985555'] },
        {
          record: { id: 'w2', body: 'En tournée à Bordeaux' },
          place: { name: 'Bordeaux', departement: '33' },
        },
        { record: { id: 'w3', body: 'Sans rapport' } },
      ]);
      expect(await checkAlerts(b, ids)).toBe(2);
      expect(await checkAlerts(b, ids)).toBe(0);
      const alerts = await analyst.json<{
        items: { id: number; ad: { sourceId: string }; watchlist: { kind: string } }[];
      }>('GET', '/alerts');
      expect(alerts.body.items.map((a) => `${a.watchlist.kind}:${a.ad.sourceId}`).sort()).toEqual([
        'phone:w1',
        'search:w2',
      ]);
      expect((await other.json<{ items: unknown[] }>('GET', '/alerts')).body.items).toEqual([]);
      await analyst.json('POST', '/alerts/seen', { ids: [alerts.body.items[0].id] });
      expect((await analyst.json<{ items: unknown[] }>('GET', '/alerts?unseen=true')).body.items.length).toBe(
        1,
      );
      const mine = await analyst.json<{ items: { id: number }[] }>('GET', '/watchlists');
      expect((await other.req('DELETE', `/watchlists/${mine.body.items[0].id}`)).status).toBe(404);
      expect((await analyst.req('DELETE', `/watchlists/${mine.body.items[0].id}`)).status).toBe(200);
    });

    it('POSTs alerts to allowed webhooks only, with ids and no ad content, and survives a failing hook', async () => {
      await writeSetting(b.db, 'webhook_urls', ['https://hooks.example/vigie'], null);
      await analyst.json('POST', '/watchlists', {
        kind: 'phone',
        value: '+33639986666',
        webhookUrl: 'https://hooks.example/vigie',
      });
      const [id] = await seedAds(b, [
        { record: { id: 'wh1', body: 'Texte privé 06 39 98 66 66' }, phones: ['+33639986666'] },
      ]);
      const calls: { url: string; body: string }[] = [];
      const fetchFn = (async (url: string, init: RequestInit) => {
        calls.push({ url, body: String(init.body) });
        throw new Error('connection refused');
      }) as unknown as typeof fetch;
      expect(await checkAlerts(b, [id], { fetchFn })).toBe(1);
      expect(calls.length).toBe(1);
      expect(calls[0].url).toBe('https://hooks.example/vigie');
      expect(JSON.parse(calls[0].body)).toMatchObject({ adIds: [id] });
      expect(calls[0].body).not.toContain('privé');
    });

    it('queues outreach ads with the "may reach a controller" warning when a phone is shared by several names', async () => {
      const [solo, shared1] = await seedAds(b, [
        {
          record: { id: 'o1', category: 'escort', body: 'Je suis Léa' },
          phones: ['+33639987001'],
          names: ['Léa'],
          scores: { minor: 0.7 },
        },
        {
          record: { id: 'o2', category: 'escort', body: 'Je suis Jade' },
          phones: ['+33639987002'],
          names: ['Jade'],
        },
        {
          record: { id: 'o3', category: 'escort', body: 'Je suis Nina' },
          phones: ['+33639987002'],
          names: ['Nina'],
        },
        {
          record: { id: 'o4', category: 'escort', body: 'Nos filles vous attendent' },
          phones: ['+33639987003'],
          indicators: [{ code: 'control.our_girls', category: 'control' }],
        },
        {
          record: { id: 'o5', category: 'escort', body: 'Recrute' },
          phones: ['+33639987004'],
          scores: { recruitment: 0.9 },
        },
      ]);
      const q = await outreach.json<{
        items: {
          id: number;
          possibleMinor: boolean;
          warning: { mayReachController: boolean; reasons: { code: string }[] };
        }[];
      }>('GET', '/outreach/queue?limit=100');
      const byId = new Map(q.body.items.map((i) => [i.id, i]));
      expect(byId.get(solo)?.warning.mayReachController).toBe(false);
      expect(byId.get(solo)?.possibleMinor).toBe(true);
      expect(byId.get(shared1)?.warning.reasons.map((r) => r.code)).toEqual(['phone_shared_by_personas']);
      const o4 = q.body.items.find((i) => i.warning.reasons.some((r) => r.code === 'third_person_wording'));
      expect(o4).toBeDefined();
      expect(JSON.stringify(q.body)).not.toContain('Recrute');
      expect(JSON.stringify(q.body)).not.toMatch(/"cluster"|"cases"/);
    });

    it('serves templates (reporting a broken file) and logs contact attempts', async () => {
      const t = await outreach.json<{ languages: { lang: string }[]; problems: string[] }>(
        'GET',
        '/outreach/templates',
      );
      expect(t.body.languages.map((l) => l.lang)).toEqual(['fr']);
      expect(t.body.problems[0]).toMatch(/^broken\.json/);
      const q = await outreach.json<{ items: { id: number }[] }>('GET', '/outreach/queue');
      const adId = q.body.items[0].id;
      expect(
        (
          await outreach.json('POST', '/outreach/contacts', {
            adId,
            channel: 'sms',
            templateId: 't1',
            lang: 'fr',
            outcome: 'sent',
          })
        ).status,
      ).toBe(201);
      const log = await outreach.json<{ items: { adId: number; outcome: string }[] }>(
        'GET',
        `/outreach/contacts?adId=${adId}`,
      );
      expect(log.body.items).toMatchObject([{ adId, outcome: 'sent' }]);
      const again = await outreach.json<{ items: { id: number }[] }>(
        'GET',
        '/outreach/queue?uncontacted=true&limit=100',
      );
      expect(again.body.items.map((i) => i.id)).not.toContain(adId);
      const item = await outreach.json<{ contacts: { attempts: number } }>('GET', `/outreach/ads/${adId}`);
      expect(item.body.contacts.attempts).toBe(1);
    });
  });
}
