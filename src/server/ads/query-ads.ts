import { sql } from 'kysely';
import { z } from 'zod/v4';
import type { Backend } from '../../store/database.ts';
import { ApiError } from '../errors.ts';
import { tableExists } from '../table-exists.ts';
import { limit, offset } from '../schemas.ts';
import { type AdFilter, AdFilterSchema, applyAdFilters } from './list-ads.ts';
import { type AdSummary, SUMMARY_COLUMNS, adSummary } from './present.ts';

export const AdListSchema = AdFilterSchema.extend({
  sort: z.enum(['recent', 'minor', 'control', 'recruitment']).default('recent'),
  limit: limit(200, 50),
  offset,
  cursor: z.string().max(200).optional().describe('opaque keyset cursor from the previous page (nextCursor)'),
  count: z.enum(['true', 'false']).default('true').describe('also return the total number of matches'),
});
export type AdListQuery = z.output<typeof AdListSchema>;

const SORT_COL = {
  recent: 'ads.first_seen',
  minor: 'ads.score_minor',
  control: 'ads.score_control',
  recruitment: 'ads.score_recruitment',
} as const;

function decodeCursor(s: string): [string | number, number] {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      (typeof v[0] === 'string' || typeof v[0] === 'number') &&
      Number.isInteger(v[1])
    ) {
      return [v[0], v[1] as number];
    }
  } catch {
    // fall through
  }
  throw new ApiError('invalid_input', 'cursor: not a cursor returned by this API');
}

export interface AdPage {
  items: AdSummary[];
  nextCursor: string | null;
  /** Number of matches, at most COUNT_CAP (then `totalExact` is false); null when not asked. */
  total: number | null;
  totalExact: boolean;
}

export const COUNT_CAP = 1000;

/**
 * One page of ads, newest or riskiest first (ties by id). Keyset pagination with `cursor` stays fast
 * at any depth; `offset` is there for jumping to a page.
 */
export async function queryAds(b: Backend, p: AdListQuery, countCap = COUNT_CAP): Promise<AdPage> {
  const col = SORT_COL[p.sort];
  const indicatorIndex = await tableExists(b, 'ad_indicators');
  const filtered = applyAdFilters(b, b.db.selectFrom('ads'), p as AdFilter, { indicatorIndex }).q;
  // Two phases: order and page over narrow (id, sort key) tuples, then read the wide rows of one page only.
  let q = filtered.select(['ads.id', `${col} as sort_value`]);
  if (p.cursor) {
    const [v, id] = decodeCursor(p.cursor);
    q = q.where((eb) =>
      eb.or([eb(col, '<', v as never), eb.and([eb(col, '=', v as never), eb('ads.id', '<', id)])]),
    );
  }
  // On a first page that wants a total, one query gives both: the first countCap + 1 keys in order.
  const countInline = p.count === 'true' && !p.cursor && !p.offset;
  q = q
    .orderBy(col, 'desc')
    .orderBy('ads.id', 'desc')
    .limit(countInline ? Math.max(countCap, p.limit) + 1 : p.limit + 1);
  if (p.offset && !p.cursor) q = q.offset(p.offset);
  const keys = await q.execute();
  const more = keys.length > p.limit;
  const pageKeys = keys.slice(0, p.limit);
  const last = pageKeys[pageKeys.length - 1];
  const rows = pageKeys.length
    ? await b.db
        .selectFrom('ads')
        .select([...SUMMARY_COLUMNS])
        .where(
          'ads.id',
          'in',
          pageKeys.map((k) => k.id),
        )
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const page = pageKeys.flatMap((k) => byId.get(k.id) ?? []);
  let total: number | null = null;
  let totalExact = true;
  if (countInline) {
    total = Math.min(keys.length, countCap);
    totalExact = keys.length <= countCap;
  } else if (p.count === 'true') {
    // Counting stops at countCap: past it the exact figure costs a scan and helps no one triage.
    const capped = filtered.select('ads.id').limit(countCap + 1);
    const c = await b.db
      .selectFrom(capped.as('m'))
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirst();
    total = Math.min(Number(c?.n ?? 0), countCap);
    totalExact = Number(c?.n ?? 0) <= countCap;
  }
  return {
    items: page.map(adSummary),
    nextCursor:
      more && last ? Buffer.from(JSON.stringify([last.sort_value, last.id])).toString('base64url') : null,
    total,
    totalExact,
  };
}
