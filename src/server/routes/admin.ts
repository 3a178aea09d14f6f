import { z } from 'zod/v4';
import { listApiKeys, publicKey, revokeApiKey } from '../../store/server-apikeys-repo.ts';
import { allSettings, writeSetting } from '../../store/server-settings-repo.ts';
import { createApiKey } from '../apikeys.ts';
import { notFound } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { purgeOldAds } from '../retention.ts';
import { ADMIN } from '../roles.ts';
import { idParam } from '../schemas.ts';

const Settings = z.object({
  retentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
  webhookUrls: z.array(z.url().max(500)).max(50).optional(),
  outreachCategories: z.array(z.string().min(1).max(100)).max(100).optional(),
});
const KEYS = {
  retentionDays: 'retention_days',
  webhookUrls: 'webhook_urls',
  outreachCategories: 'outreach_categories',
} as const;

export const adminRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/admin/apikeys',
    tag: 'admin',
    summary: 'API keys (never their secret)',
    access: ADMIN,
    async handler({ deps }) {
      return { items: (await listApiKeys(deps.backend.db)).map(publicKey) };
    },
  }),
  route({
    method: 'post',
    path: '/admin/apikeys',
    tag: 'admin',
    summary: 'Create a scoring API key; the secret is shown once',
    access: ADMIN,
    status: 201,
    body: z.object({ name: z.string().min(1).max(100) }),
    async handler({ deps, body, user, audit }) {
      const k = await createApiKey(deps.backend, body.name, user().id);
      await audit('apikey_created', 'apikey', k.id, { name: k.name });
      return k;
    },
  }),
  route({
    method: 'delete',
    path: '/admin/apikeys/:id',
    tag: 'admin',
    summary: 'Revoke an API key',
    access: ADMIN,
    params: idParam,
    async handler({ deps, params, audit }) {
      if (!(await revokeApiKey(deps.backend.db, params.id))) throw notFound(`active API key ${params.id}`);
      await audit('apikey_revoked', 'apikey', params.id);
      return { ok: true };
    },
  }),
  route({
    method: 'get',
    path: '/admin/settings',
    tag: 'admin',
    summary: 'Settings: retention, allowed webhook URLs, outreach categories',
    access: ADMIN,
    async handler({ deps }) {
      const s = await allSettings(deps.backend.db);
      return {
        retentionDays: s.retention_days ?? null,
        webhookUrls: s.webhook_urls ?? [],
        outreachCategories: s.outreach_categories ?? null,
      };
    },
  }),
  route({
    method: 'put',
    path: '/admin/settings',
    tag: 'admin',
    summary: 'Change settings',
    access: ADMIN,
    body: Settings,
    async handler({ deps, body, user, audit, now }) {
      for (const [k, col] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
        if (body[k] !== undefined) await writeSetting(deps.backend.db, col, body[k], user().id, now());
      }
      await audit('settings_changed', 'settings', null, { ...body });
      return { ok: true };
    },
  }),
  route({
    method: 'post',
    path: '/admin/retention/purge',
    tag: 'admin',
    summary: 'Purge ads last seen more than N days ago that are not in a case (dryRun to count first)',
    access: ADMIN,
    body: z.object({ days: z.number().int().min(1).max(36_500), dryRun: z.boolean().default(true) }),
    async handler({ deps, body, audit, now }) {
      const r = await purgeOldAds(deps.backend, body.days, now(), body.dryRun);
      await audit(body.dryRun ? 'retention_dry_run' : 'retention_purge', 'ads', null, {
        days: body.days,
        ...r,
      });
      return { ...r, dryRun: body.dryRun };
    },
  }),
];
