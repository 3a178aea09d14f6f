import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod/v4';
import { foldForSearch as fold } from '../../core/normalize/normalize.ts';
import type { Backend, Schema } from '../../store/database.ts';
import { ftsTerms } from '../../store/fts-terms.ts';
import { ApiError } from '../errors.ts';
import { csv, isoDate, score } from '../schemas.ts';
import { type IdentifierQuery, parseIdentifier } from './identifier-query.ts';

/** Filters of the ads list (query string). Lists accept `a,b` or repeated keys. */
export const AdFilterSchema = z.object({
  from: isoDate.optional().describe('inclusive lower bound on dateField (ISO 8601)'),
  to: isoDate.optional().describe('exclusive upper bound on dateField (ISO 8601)'),
  dateField: z.enum(['first_seen', 'last_seen', 'posted_at']).default('first_seen'),
  source: csv.optional(),
  commune: z.string().max(100).optional().describe('INSEE code or canonical commune name'),
  departement: csv.optional(),
  category: csv.optional(),
  minMinor: score.optional(),
  minControl: score.optional(),
  minRecruitment: score.optional(),
  indicator: csv.optional().describe('indicator codes; an ad must have all of them'),
  reviewed: z.enum(['true', 'false']).optional(),
  cluster: z.string().max(100).optional(),
  q: z.string().max(500).optional().describe('full-text search (accent- and case-insensitive, prefixes)'),
  identifier: z
    .string()
    .max(300)
    .optional()
    .describe('phone in any format, e-mail, @handle, platform:handle, image SHA-256'),
});
export type AdFilter = z.output<typeof AdFilterSchema>;

type AdsQuery = SelectQueryBuilder<Schema, 'ads', object>;
const INDICATOR_CODE = /^[A-Za-z0-9_.:-]{1,80}$/;

/** Applies every filter to a query on `ads`; returns the parsed identifier, if one was searched. */
export function applyAdFilters(
  b: Backend,
  q0: AdsQuery,
  f: AdFilter,
  opts: { indicatorIndex: boolean } = { indicatorIndex: true },
): { q: AdsQuery; identifier: IdentifierQuery | null } {
  let q = q0;
  const col = `ads.${f.dateField}` as const;
  if (f.from) q = q.where(col, '>=', f.from);
  if (f.to) q = q.where(col, '<', f.to);
  if (f.source?.length) q = q.where('ads.source', 'in', f.source);
  if (f.commune)
    q = q.where((eb) => eb.or([eb('ads.city_insee', '=', f.commune!), eb('ads.city_name', '=', f.commune!)]));
  if (f.departement?.length) q = q.where('ads.departement', 'in', f.departement);
  if (f.category?.length) q = q.where('ads.category', 'in', f.category);
  if (f.minMinor !== undefined) q = q.where('ads.score_minor', '>=', f.minMinor);
  if (f.minControl !== undefined) q = q.where('ads.score_control', '>=', f.minControl);
  if (f.minRecruitment !== undefined) q = q.where('ads.score_recruitment', '>=', f.minRecruitment);
  if (f.reviewed) q = q.where('ads.reviewed', '=', f.reviewed === 'true' ? 1 : 0);
  if (f.cluster) q = q.where('ads.cluster_id', '=', f.cluster);
  for (const code of f.indicator ?? []) {
    if (!INDICATOR_CODE.test(code))
      throw new ApiError('invalid_input', `indicator: bad code ${JSON.stringify(code)}`);
    if (opts.indicatorIndex) {
      q = q.where('ads.id', 'in', (eb) =>
        eb.selectFrom('ad_indicators').select('ad_id').where('code', '=', code),
      );
    } else {
      // Databases migrated before the indicator index existed: the analysis JSON is written by
      // JSON.stringify, so the code appears exactly as `"code":"<code>"`.
      const pattern = `%"code":"${code.replace(/[\\%_]/g, (m) => `\\${m}`)}"%`;
      q = q.where(sql<boolean>`ads.analysis LIKE ${pattern} ESCAPE '\\'`);
    }
  }
  if (f.q) {
    const terms = ftsTerms(fold(f.q));
    if (terms.length > 0) q = q.where(b.fts.match(terms));
  }
  let identifier: IdentifierQuery | null = null;
  if (f.identifier) {
    identifier = parseIdentifier(f.identifier);
    if (!identifier)
      throw new ApiError('invalid_input', 'identifier: not a phone, e-mail, handle or image hash');
    const id = identifier;
    q = q.where('ads.id', 'in', (eb) => {
      let s = eb.selectFrom('ad_identifiers').select('ad_id').where('kind', '=', id.kind);
      s = id.anyPlatformHandle
        ? s.where('value', 'like', `%:${id.anyPlatformHandle}`)
        : s.where('value', 'in', id.values);
      return s;
    });
  }
  return { q, identifier };
}
