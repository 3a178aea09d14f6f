/** Test helpers for the link runner: store synthetic ads with a chosen extraction (no extractor involved). */
import { createHash } from 'node:crypto';
import { canonicalContent } from '../core/record.ts';
import { foldForSearch as fold } from '../core/normalize/normalize.ts';
import type { AdRecord, Analysis, E164 } from '../core/types.ts';
import { type StoredImage, writeBatch } from '../store/ad-writer.ts';
import type { Backend } from '../store/database.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LinkTestAd {
  id: string;
  body: string;
  phones?: string[];
  names?: string[];
  city?: string;
  posted_at?: string;
  phash?: string;
}

/** An analysis with exactly the given phones, names and city. */
export function analysisOf(a: LinkTestAd): Analysis {
  return {
    extraction: {
      phones: (a.phones ?? []).map((p) => ({
        e164: p as E164,
        country: 'FR',
        type: 'mobile' as const,
        obfuscated: false,
        style: 'plain' as const,
        spans: [],
      })),
      emails: [],
      handles: [],
      ages: [],
      places: a.city
        ? [{ name: a.city, insee: '00000', departement: '00', via: 'field' as const, spans: [] }]
        : [],
      prices: [],
      names: (a.names ?? []).map((name) => ({ name, spans: [] })),
      language: 'fr',
    },
    indicators: [],
    scores: { minor: 0.1, control: 0.5, recruitment: 0 },
    modelVersion: 'test',
  };
}

/** Store ads (new or changed) and return their ids in order. */
export async function storeAds(b: Backend, ads: LinkTestAd[], receivedAt = '2026-11-01T00:00:00.000Z') {
  const items = ads.map((a) => {
    const record: AdRecord = {
      source: 'link-test.example',
      id: a.id,
      body: a.body,
      posted_at: a.posted_at,
      city: a.city,
    };
    const raw = JSON.stringify(record);
    const images: StoredImage[] = a.phash
      ? [{ ref: `img/${a.id}.png`, sha256: sha(a.phash), phash: a.phash, thumb: null, status: 'ok' }]
      : [];
    return {
      record,
      raw,
      rawSha256: sha(raw),
      contentSha256: sha(canonicalContent(record)),
      origin: `link-test:${a.id}`,
      kind: 'import' as const,
      receivedAt,
      searchText: fold(a.body),
      analysis: analysisOf(a),
      images,
    };
  });
  const r = await writeBatch(b, items);
  const rows = await b.db
    .selectFrom('ads')
    .select(['id', 'source_id'])
    .where(
      'source_id',
      'in',
      ads.map((a) => a.id),
    )
    .execute();
  const byKey = new Map(rows.map((x) => [x.source_id, x.id]));
  return { ids: ads.map((a) => byKey.get(a.id)!), changed: r.changedAdIds };
}
