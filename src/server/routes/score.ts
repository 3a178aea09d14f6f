import { createHash } from 'node:crypto';
import { z } from 'zod/v4';
import { canonicalContent, parseAdRecord } from '../../core/record.ts';
import { foldForSearch as fold } from '../../core/normalize/normalize.ts';
import type { AdRecord } from '../../core/types.ts';
import { loadAnalyzeFn } from '../../pipeline/analyze-fn.ts';
import { writeBatch } from '../../store/ad-writer.ts';
import { checkAlerts } from '../alerts.ts';
import { ApiError } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const ScoreBody = z.object({
  ad: z.object({
    body: z.string().min(1).max(100_000),
    title: z.string().max(1000).optional(),
    phone: z.string().max(200).optional(),
    city: z.string().max(200).optional(),
    age: z.number().int().min(0).max(150).optional(),
    category: z.string().max(200).optional(),
    source: z.string().max(200).optional().describe('required with store: true'),
    id: z.string().max(200).optional().describe('required with store: true'),
    url: z.string().max(4096).optional(),
    posted_at: z.string().max(40).optional(),
  }),
  store: z
    .boolean()
    .default(false)
    .describe('keep the ad (as evidence, with its analysis); default: nothing is stored'),
});

/** Moderation scoring for ad platforms (API key only): entities, indicators with spans, scores. */
export const scoreRoutes: AnyRoute[] = [
  route({
    method: 'post',
    path: '/score',
    tag: 'moderation',
    summary: 'Analyse an ad payload: entities, indicators, scores; stores nothing unless store: true',
    access: 'apikey',
    body: ScoreBody,
    async handler({ deps, body, principal, audit, now }) {
      let analyze: Awaited<ReturnType<typeof loadAnalyzeFn>>;
      try {
        analyze = await loadAnalyzeFn();
      } catch (e) {
        deps.log.error({ err: e }, 'analysis module unavailable');
        throw new ApiError('service_unavailable', 'the analysis module is not available');
      }
      const { source: _s, id: _i, url: _u, posted_at: _p, ...content } = body.ad;
      const analysis = analyze(content);
      let stored: number | null = null;
      if (body.store) {
        if (!body.ad.source || !body.ad.id)
          throw new ApiError('invalid_input', 'ad.source and ad.id are required to store');
        const parsed = parseAdRecord(body.ad);
        if (!parsed.ok)
          throw new ApiError('invalid_input', `ad.${parsed.problem.field}: ${parsed.problem.reason}`);
        const record: AdRecord = parsed.record;
        const raw = JSON.stringify(body.ad);
        const keyName = principal?.kind === 'apikey' ? principal.name : 'unknown';
        const res = await writeBatch(deps.backend, [
          {
            record,
            raw,
            rawSha256: sha(raw),
            contentSha256: sha(canonicalContent(record)),
            origin: `api:${keyName}`,
            kind: 'import',
            receivedAt: now().toISOString(),
            searchText: fold(`${record.title ?? ''}\n${record.body}`),
            analysis,
            images: [],
          },
        ]);
        const row = await deps.backend.db
          .selectFrom('ads')
          .select('id')
          .where('source', '=', record.source)
          .where('source_id', '=', record.id)
          .executeTakeFirst();
        stored = row?.id ?? null;
        if (res.changedAdIds.length) await checkAlerts(deps.backend, res.changedAdIds, { log: deps.log });
      }
      await audit('score', 'ad', stored, { stored: stored !== null, indicators: analysis.indicators.length });
      return {
        entities: analysis.extraction,
        indicators: analysis.indicators,
        scores: analysis.scores,
        modelVersion: analysis.modelVersion,
        storedAdId: stored,
      };
    },
  }),
];
