import type { Backend } from '../../store/database.ts';
import { parseAnalysis } from '../ads/present.ts';
import { notFound } from '../errors.ts';

const MAX_ADS = 5000;

export interface EvidenceCapture {
  captureId: number;
  version: number;
  sha256: string;
  contentSha256: string;
  receivedAt: string;
  origin: string;
  raw: string;
}

export interface EvidenceAd {
  id: number;
  source: string;
  sourceId: string;
  url: string | null;
  title: string | null;
  body: string;
  postedAt: string | null;
  firstSeen: string;
  lastSeen: string;
  deletedAt: string | null;
  city: string | null;
  departement: string | null;
  cluster: string | null;
  scores: { minor: number; control: number; recruitment: number };
  phones: string[];
  emails: string[];
  handles: string[];
  indicators: { code: string; category: string; field: string; start: number; end: number }[];
  images: { ord: number; sha256: string | null; status: string }[];
  captures: EvidenceCapture[];
}

export interface CaseEvidence {
  case: {
    id: number;
    title: string;
    description: string | null;
    status: string;
    createdAt: string;
    updatedAt: string;
    assignee: string | null;
    createdBy: string | null;
  };
  networks: string[];
  notes: { author: string | null; body: string; createdAt: string }[];
  ads: EvidenceAd[];
}

/** Everything a case holds, attached networks expanded to their ads, with every capture of every version. */
export async function collectCaseEvidence(b: Backend, caseId: number): Promise<CaseEvidence> {
  const db = b.db;
  const c = await db
    .selectFrom('cases')
    .leftJoin('users as a', 'a.id', 'cases.assignee_id')
    .leftJoin('users as cb', 'cb.id', 'cases.created_by')
    .select([
      'cases.id',
      'cases.title',
      'cases.description',
      'cases.status',
      'cases.created_at',
      'cases.updated_at',
      'a.username as assignee',
      'cb.username as creator',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw notFound(`case ${caseId}`);
  const items = await db
    .selectFrom('case_items')
    .select(['kind', 'ref'])
    .where('case_id', '=', caseId)
    .execute();
  const networks = items.filter((i) => i.kind === 'network').map((i) => i.ref);
  const adIds = new Set(items.filter((i) => i.kind === 'ad').map((i) => Number(i.ref)));
  if (networks.length > 0) {
    const rows = await db
      .selectFrom('ads')
      .select('id')
      .where('cluster_id', 'in', networks)
      .limit(MAX_ADS)
      .execute();
    for (const r of rows) adIds.add(r.id);
  }
  const ids = [...adIds].slice(0, MAX_ADS).sort((x, y) => x - y);
  const notes = await db
    .selectFrom('case_notes')
    .leftJoin('users', 'users.id', 'case_notes.author_id')
    .select(['users.username', 'case_notes.body', 'case_notes.created_at'])
    .where('case_id', '=', caseId)
    .orderBy('case_notes.id')
    .execute();
  const ads: EvidenceAd[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const rows = await db
      .selectFrom('ads')
      .selectAll()
      .where('id', 'in', chunk)
      .orderBy('first_seen')
      .execute();
    const caps = await db
      .selectFrom('ad_versions as v')
      .innerJoin('captures as c', 'c.id', 'v.capture_id')
      .select([
        'v.ad_id',
        'v.version',
        'v.content_sha256',
        'c.id as capture_id',
        'c.sha256',
        'c.received_at',
        'c.origin',
        'c.raw',
      ])
      .where('v.ad_id', 'in', chunk)
      .orderBy('v.version')
      .execute();
    const imgs = await db
      .selectFrom('ad_images')
      .select(['ad_id', 'ord', 'sha256', 'status'])
      .where('ad_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      const a = parseAnalysis(r.analysis);
      ads.push({
        id: r.id,
        source: r.source,
        sourceId: r.source_id,
        url: r.url,
        title: r.title,
        body: r.body,
        postedAt: r.posted_at,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        deletedAt: r.deleted_at,
        city: r.city_name,
        departement: r.departement,
        cluster: r.cluster_id,
        scores: { minor: r.score_minor, control: r.score_control, recruitment: r.score_recruitment },
        phones: a?.extraction.phones.map((p) => p.e164) ?? [],
        emails: a?.extraction.emails.map((e) => e.email) ?? [],
        handles: a?.extraction.handles.map((h) => `${h.platform}:${h.handle}`) ?? [],
        indicators:
          a?.indicators.map((x) => ({
            code: x.code,
            category: x.category,
            field: x.field,
            start: x.start,
            end: x.end,
          })) ?? [],
        images: imgs
          .filter((im) => im.ad_id === r.id)
          .map((im) => ({ ord: im.ord, sha256: im.sha256, status: im.status })),
        captures: caps
          .filter((v) => v.ad_id === r.id)
          .map((v) => ({
            captureId: v.capture_id,
            version: v.version,
            sha256: v.sha256,
            contentSha256: v.content_sha256,
            receivedAt: v.received_at,
            origin: v.origin,
            raw: v.raw,
          })),
      });
    }
  }
  ads.sort((x, y) => (x.firstSeen < y.firstSeen ? -1 : x.firstSeen > y.firstSeen ? 1 : x.id - y.id));
  return {
    case: {
      id: c.id,
      title: c.title,
      description: c.description,
      status: c.status,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      assignee: c.assignee ?? null,
      createdBy: c.creator ?? null,
    },
    networks,
    notes: notes.map((n) => ({ author: n.username ?? null, body: n.body, createdAt: n.created_at })),
    ads,
  };
}
