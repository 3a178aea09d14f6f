import { z } from 'zod/v4';
import { notFound } from '../errors.ts';
import { buildEvidenceZip } from '../evidence/evidence-zip.ts';
import { collectCaseEvidence } from '../evidence/collect.ts';
import { pharosReport, pharosText } from '../evidence/pharos.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE } from '../roles.ts';
import { idParam } from '../schemas.ts';

const Item = z.object({ kind: z.enum(['ad', 'network']), ref: z.string().min(1).max(100) });

/** Attaching ads and networks to a case, and the exports (evidence ZIP, JSON, Pharos-style report). */
export const caseItemRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/cases/:id/items',
    tag: 'cases',
    summary: 'Attach ads or networks to a case',
    access: INVESTIGATE,
    params: idParam,
    body: z.object({ items: z.array(Item).min(1).max(1000) }),
    async handler({ deps, params, body, user, audit, now }) {
      const db = deps.backend.db;
      if (!(await db.selectFrom('cases').select('id').where('id', '=', params.id).executeTakeFirst()))
        throw notFound(`case ${params.id}`);
      const adRefs = body.items.filter((i) => i.kind === 'ad').map((i) => Number(i.ref));
      const netRefs = body.items.filter((i) => i.kind === 'network').map((i) => i.ref);
      const ads = new Set(
        adRefs.length
          ? (
              await db
                .selectFrom('ads')
                .select('id')
                .where('id', 'in', adRefs.filter(Number.isInteger))
                .execute()
            ).map((r) => String(r.id))
          : [],
      );
      const nets = new Set(
        netRefs.length
          ? (
              await db
                .selectFrom('ads')
                .select('cluster_id')
                .distinct()
                .where('cluster_id', 'in', netRefs)
                .execute()
            ).map((r) => r.cluster_id)
          : [],
      );
      const missing = body.items.filter((i) => !(i.kind === 'ad' ? ads.has(i.ref) : nets.has(i.ref)));
      if (missing.length) throw notFound(`${missing[0].kind} ${missing[0].ref}`);
      const t = now().toISOString();
      await db
        .insertInto('case_items')
        .values(
          body.items.map((i) => ({
            case_id: params.id,
            kind: i.kind,
            ref: i.ref,
            added_by: user().id,
            added_at: t,
          })),
        )
        .onConflict((oc) => oc.columns(['case_id', 'kind', 'ref']).doNothing())
        .execute();
      await db.updateTable('cases').set({ updated_at: t }).where('id', '=', params.id).execute();
      await audit('case_items_added', 'case', params.id, { items: body.items });
      return { ok: true };
    },
  }),
  route({
    method: 'delete',
    path: '/cases/:id/items/:kind/:ref',
    tag: 'cases',
    summary: 'Detach an ad or a network from a case',
    access: INVESTIGATE,
    params: idParam.extend(Item.shape),
    async handler({ deps, params, audit }) {
      const r = await deps.backend.db
        .deleteFrom('case_items')
        .where('case_id', '=', params.id)
        .where('kind', '=', params.kind)
        .where('ref', '=', params.ref)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound(`${params.kind} ${params.ref} in case ${params.id}`);
      await audit('case_item_removed', 'case', params.id, { kind: params.kind, ref: params.ref });
      return { ok: true };
    },
  }),
  route({
    method: 'get',
    path: '/cases/:id/export.zip',
    tag: 'cases',
    summary:
      'Evidence ZIP: report.html, raw captures, manifest.json of SHA-256 hashes, case.json, Pharos report',
    access: INVESTIGATE,
    params: idParam,
    produces: 'application/zip',
    async handler({ c, deps, params, user, audit, now }) {
      const p = await buildEvidenceZip(deps.backend, params.id, { generatedBy: user().username, now: now() });
      await audit('export_case', 'case', params.id, {
        format: 'zip',
        ads: p.evidence.ads.length,
        manifestSha256: p.manifestSha256,
        zipSha256: p.zipSha256,
      });
      return c.body(Buffer.from(p.zip), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${p.fileName}"`,
        'X-Manifest-SHA256': p.manifestSha256,
      });
    },
  }),
  route({
    method: 'get',
    path: '/cases/:id/export.json',
    tag: 'cases',
    summary: 'The case as JSON (ads, captures with hashes, notes)',
    access: INVESTIGATE,
    params: idParam,
    async handler({ deps, params, audit }) {
      const e = await collectCaseEvidence(deps.backend, params.id);
      await audit('export_case', 'case', params.id, { format: 'json', ads: e.ads.length });
      return e;
    },
  }),
  route({
    method: 'get',
    path: '/cases/:id/pharos',
    tag: 'cases',
    summary: 'Pharos-style report: ads, URLs, identifiers, times (format=json|text)',
    access: INVESTIGATE,
    params: idParam,
    query: z.object({ format: z.enum(['json', 'text']).default('json') }),
    async handler({ c, deps, params, query, audit, now }) {
      const r = pharosReport(await collectCaseEvidence(deps.backend, params.id), now().toISOString());
      await audit('export_case', 'case', params.id, { format: `pharos-${query.format}`, ads: r.ads.length });
      if (query.format === 'text')
        return c.body(pharosText(r), 200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return r;
    },
  }),
];
