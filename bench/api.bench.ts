/**
 * API benchmark: p50/p95 latency of the ads list and searches at N ads (default 100k), on SQLite and
 * PostgreSQL, through the real app in process (`app.request`: session check, validation, query, audit).
 * Usage: node bin/run-ts.mjs bench/api.bench.ts [--ads 100000] [--backend sqlite|postgres|both] [--runs 60]
 * Prints one JSON object.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { canonicalContent } from '../src/core/record.ts';
import { foldForSearch as fold } from '../src/core/normalize/normalize.ts';
import type { AdRecord } from '../src/core/types.ts';
import { writeBatch } from '../src/store/ad-writer.ts';
import type { Backend } from '../src/store/database.ts';
import { backendsUnderTest } from '../src/store/test-backends.ts';
import { createApp } from '../src/server/app.ts';
import { buildAnalysis } from '../src/server/test-support.ts';
import { createUser } from '../src/server/users.ts';

const { values } = parseArgs({
  options: {
    ads: { type: 'string', default: '100000' },
    backend: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '60' },
  },
});
const N = Number(values.ads);
const RUNS = Number(values.runs);

let seed = 42;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
const WORDS = [
  'nouvelle',
  'disponible',
  'massage',
  'relaxant',
  'douce',
  'soirée',
  'discrète',
  'étudiante',
  'passage',
  'tournée',
  'hôtel',
  'appartement',
  'rendez-vous',
  'câline',
  'sympa',
  'quartier',
  'gare',
  'centre',
  'week-end',
  'matin',
];
const CITIES = [
  ['Lyon', '69123', '69'],
  ['Paris', '75056', '75'],
  ['Marseille', '13055', '13'],
  ['Bordeaux', '33063', '33'],
  ['Lille', '59350', '59'],
  ['Nantes', '44109', '44'],
  ['Toulouse', '31555', '31'],
  ['Nice', '06088', '06'],
] as const;
const CATS = ['escort', 'massage', 'vehicules', 'immobilier', 'emploi'];
const INDIC = [
  'minor.new_girl',
  'minor.youth_words',
  'control.third_person',
  'movement.new_in_town',
  'trust.discretion',
];
const phone = () =>
  rnd() < 0.5
    ? `+336399${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`
    : `+331990${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function seedAds(b: Backend): Promise<{ seconds: number; samplePhone: string }> {
  const t0 = performance.now();
  const start = Date.parse('2026-05-01T00:00:00Z');
  let samplePhone = '';
  for (let i = 0; i < N; i += 1000) {
    const items = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const [city, insee, dep] = pick(CITIES);
      const ph = phone();
      if (j === 500) samplePhone = ph;
      const words = `${Array.from({ length: 12 }, () => pick(WORDS)).join(' ')}${j % 200 === 7 ? ' sur réservation uniquement' : ''}`;
      const record: AdRecord = {
        source: `site${j % 4}.example`,
        id: `ad${j}`,
        title: `${pick(WORDS)} à ${city}`,
        body: `${words}. Appelez ${ph}.`,
        category: pick(CATS),
        posted_at: new Date(start + j * 150_000).toISOString(),
      };
      const raw = JSON.stringify(record);
      const minor = rnd();
      items.push({
        record,
        raw,
        rawSha256: sha(raw),
        contentSha256: sha(canonicalContent(record)),
        origin: `bench:${j}`,
        kind: 'import' as const,
        receivedAt: new Date(start + j * 150_000).toISOString(),
        searchText: fold(`${record.title}\n${record.body}`),
        analysis: buildAnalysis({
          record,
          phones: [ph],
          place: { name: city, insee, departement: dep },
          indicators: rnd() < 0.3 ? [{ code: pick(INDIC) }] : [],
          scores: { minor, control: rnd(), recruitment: rnd() * 0.3 },
        }),
        images: [],
      });
    }
    await writeBatch(b, items);
  }
  // Planner statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would keep them in service.
  await sql`ANALYZE`.execute(b.db);
  return { seconds: (performance.now() - t0) / 1000, samplePhone };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};

async function measure(b: Backend) {
  const seeded = await seedAds(b);
  const app = createApp({ backend: b, log: pino({ level: 'silent' }) });
  await createUser(b, { username: 'bench', role: 'analyst', password: 'bench-password-123' });
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password-123' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = async (qs: string) => {
    const t = performance.now();
    const r = await app.request(`/api/v1/ads?${qs}`, { headers: { Cookie: cookie } });
    const body = (await r.json()) as { nextCursor?: string; items?: unknown[] };
    if (r.status !== 200) throw new Error(`${qs}: ${r.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, body };
  };
  const first = await get('limit=50');
  const local = seeded.samplePhone.replace('+33', '0').replace(/(\d\d)(?=\d)/g, '$1 ');
  const queries: Record<string, string> = {
    list_recent: 'limit=50',
    list_recent_no_count: 'limit=50&count=false',
    list_page2_cursor: `limit=50&cursor=${first.body.nextCursor}`,
    list_sorted_minor: 'limit=50&sort=minor',
    filter_dep_score: 'limit=50&departement=69&minMinor=0.5',
    filter_time_range: 'limit=50&from=2026-06-01&to=2026-06-15&category=escort',
    filter_indicator: 'limit=50&indicator=minor.new_girl',
    search_fulltext_broad: 'limit=50&q=etudiante%20tournee',
    search_fulltext_selective: 'limit=50&q=reservation',
    search_phone_any_format: `limit=50&identifier=${encodeURIComponent(local)}`,
  };
  const results: Record<string, { p50: number; p95: number; max: number }> = {};
  for (const [name, qs] of Object.entries(queries)) {
    for (let i = 0; i < 5; i++) await get(qs);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) ms.push((await get(qs)).ms);
    results[name] = { p50: pct(ms, 50), p95: pct(ms, 95), max: pct(ms, 100) };
  }
  return { seedSeconds: Math.round(seeded.seconds * 10) / 10, queries: results };
}

const out: Record<string, unknown> = {
  ads: N,
  runs: RUNS,
  node: process.version,
  at: new Date().toISOString(),
};
for (const kind of await backendsUnderTest()) {
  if (values.backend !== 'both' && values.backend !== kind.name) continue;
  const b = await kind.open();
  try {
    out[kind.name] = await measure(b);
  } finally {
    await b.close();
  }
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
