import { z } from 'zod/v4';
import type { Backend } from '../../store/database.ts';
import { readSetting } from '../../store/server-settings-repo.ts';
import { parseAnalysis } from '../ads/present.ts';
import { notFound } from '../errors.ts';
import {
  DEFAULT_OUTREACH_CATEGORIES,
  contactSummary,
  controllerWarnings,
  countAll,
  inQueue,
} from '../outreach/queue.ts';
import { loadTemplates } from '../outreach/templates.ts';
import { type AnyRoute, route } from '../registry.ts';
import { OUTREACH } from '../roles.ts';
import { idParam, limit, offset } from '../schemas.ts';

const COLS = [
  'ads.id',
  'ads.source',
  'ads.url',
  'ads.title',
  'ads.body',
  'ads.city_name',
  'ads.departement',
  'ads.lang',
  'ads.first_seen',
  'ads.last_seen',
  'ads.score_minor',
  'ads.score_control',
  'ads.analysis',
] as const;

async function categories(b: Backend): Promise<string[]> {
  return (await readSetting<string[]>(b.db, 'outreach_categories')) ?? DEFAULT_OUTREACH_CATEGORIES;
}

/** Queue items: what an outreach worker needs to write, and nothing of the investigation (no network, case, note). */
async function present(
  b: Backend,
  rows: {
    id: number;
    source: string;
    url: string | null;
    title: string | null;
    body: string;
    city_name: string | null;
    departement: string | null;
    lang: string | null;
    first_seen: string;
    last_seen: string;
    score_minor: number;
    score_control: number;
    analysis: string | null;
  }[],
) {
  const warnings = await controllerWarnings(b, rows);
  const contacts = await contactSummary(
    b,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const x = parseAnalysis(r.analysis)?.extraction;
    return {
      id: r.id,
      source: r.source,
      url: r.url,
      title: r.title,
      body: r.body,
      city: r.city_name,
      departement: r.departement,
      lang: r.lang,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      possibleMinor: r.score_minor >= 0.5,
      phones: x?.phones.map((p) => p.e164) ?? [],
      emails: x?.emails.map((e) => e.email) ?? [],
      handles: x?.handles.map((h) => `${h.platform}:${h.handle}`) ?? [],
      warning: warnings.get(r.id),
      contacts: contacts.get(r.id) ?? { attempts: 0, lastOutcome: null, lastAt: null },
    };
  });
}

async function queueAd(b: Backend, id: number) {
  const row = await b.db
    .selectFrom('ads')
    .select([...COLS])
    .where('ads.id', '=', id)
    .where(inQueue(await categories(b)))
    .executeTakeFirst();
  // Outside the queue is "not found" for this role: the ad's existence is not revealed.
  if (!row) throw notFound(`ad ${id} in the outreach queue`);
  return row;
}

export const outreachRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/outreach/queue',
    tag: 'outreach',
    summary: 'Ads whose contact is likely the person herself, with a "may reach a controller" warning',
    access: OUTREACH,
    query: z.object({
      departement: z.string().max(3).optional(),
      uncontacted: z.enum(['true', 'false']).optional(),
      limit: limit(100, 25),
      offset,
    }),
    async handler({ deps, query, audit }) {
      const b = deps.backend;
      let q = b.db.selectFrom('ads').where(inQueue(await categories(b)));
      if (query.departement) q = q.where('ads.departement', '=', query.departement);
      if (query.uncontacted === 'true')
        q = q.where('ads.id', 'not in', b.db.selectFrom('outreach_log').select('ad_id'));
      const rows = await q
        .select([...COLS])
        .orderBy('ads.score_minor', 'desc')
        .orderBy('ads.last_seen', 'desc')
        .orderBy('ads.id', 'desc')
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .execute();
      const total = await q.select(countAll.as('n')).executeTakeFirst();
      await audit('view_outreach_queue', 'outreach', null, { ...query, results: rows.length });
      return { items: await present(b, rows), total: Number(total?.n ?? 0) };
    },
  }),
  route({
    method: 'get',
    path: '/outreach/ads/:id',
    tag: 'outreach',
    summary: 'One ad of the outreach queue (404 for ads outside the queue)',
    access: OUTREACH,
    params: idParam,
    async handler({ deps, params, audit }) {
      const [item] = await present(deps.backend, [await queueAd(deps.backend, params.id)]);
      await audit('view_ad', 'ad', params.id, { via: 'outreach' });
      return item;
    },
  }),
  route({
    method: 'get',
    path: '/outreach/templates',
    tag: 'outreach',
    summary: 'Message templates by language (FR/EN/ES/RO…) with help resources',
    access: OUTREACH,
    async handler({ deps }) {
      return loadTemplates(deps.config.templatesDir);
    },
  }),
  route({
    method: 'get',
    path: '/outreach/contacts',
    tag: 'outreach',
    summary: 'Contact attempts, newest first (optionally for one ad)',
    access: OUTREACH,
    query: z.object({ adId: z.coerce.number().int().positive().optional(), limit: limit(500, 100) }),
    async handler({ deps, query }) {
      let q = deps.backend.db
        .selectFrom('outreach_log')
        .leftJoin('users', 'users.id', 'outreach_log.user_id')
        .selectAll('outreach_log')
        .select('users.username');
      if (query.adId) q = q.where('outreach_log.ad_id', '=', query.adId);
      const rows = await q.orderBy('outreach_log.id', 'desc').limit(query.limit).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          adId: r.ad_id,
          by: r.username,
          channel: r.channel,
          templateId: r.template_id,
          lang: r.lang,
          outcome: r.outcome,
          note: r.note,
          createdAt: r.created_at,
        })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/outreach/contacts',
    tag: 'outreach',
    summary: 'Log a contact attempt and its outcome',
    access: OUTREACH,
    status: 201,
    body: z.object({
      adId: z.number().int().positive(),
      channel: z.enum(['sms', 'whatsapp', 'call', 'email', 'site_message', 'other']),
      templateId: z.string().max(100).optional(),
      lang: z.string().max(10).optional(),
      outcome: z.enum([
        'sent',
        'no_answer',
        'replied',
        'accepted_help',
        'declined',
        'wrong_number',
        'controller_suspected',
        'do_not_contact',
      ]),
      note: z.string().max(2000).optional(),
    }),
    async handler({ deps, body, user, audit, now }) {
      await queueAd(deps.backend, body.adId);
      const r = await deps.backend.db
        .insertInto('outreach_log')
        .values({
          ad_id: body.adId,
          user_id: user().id,
          channel: body.channel,
          template_id: body.templateId ?? null,
          lang: body.lang ?? null,
          outcome: body.outcome,
          note: body.note ?? null,
          created_at: now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit('outreach_contact_logged', 'ad', body.adId, {
        channel: body.channel,
        outcome: body.outcome,
      });
      return { id: r.id };
    },
  }),
];
