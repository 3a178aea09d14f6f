import { createHash } from 'node:crypto';
import pino from 'pino';
import { canonicalContent } from '../core/record.ts';
import { foldForSearch as fold } from '../core/normalize/normalize.ts';
import type { AdRecord, Analysis, E164, IndicatorHit, PlaceEntity } from '../core/types.ts';
import { type StoredImage, writeBatch } from '../store/ad-writer.ts';
import type { Backend } from '../store/database.ts';
import type { Role } from '../store/schema-server.ts';
import type { AppOptions } from './deps.ts';
import { createApp } from './app.ts';
import { createUser } from './users.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A test ad: a record plus the analysis to store with it (built directly, independent of extraction). */
export interface AdSpec {
  record: Partial<AdRecord> & { id: string };
  phones?: string[];
  names?: string[];
  place?: Partial<PlaceEntity> & { name: string };
  indicators?: Partial<IndicatorHit>[];
  scores?: Partial<Analysis['scores']>;
  images?: StoredImage[];
  receivedAt?: string;
}

export function buildAnalysis(s: AdSpec): Analysis {
  return {
    extraction: {
      phones: (s.phones ?? []).map((e) => ({
        e164: e as E164,
        country: 'FR',
        type: 'mobile' as const,
        obfuscated: false,
        style: 'plain' as const,
        spans: [{ field: 'body' as const, start: 0, end: 4 }],
      })),
      emails: [],
      handles: [],
      ages: [],
      places: s.place
        ? [{ insee: '00000', departement: '00', via: 'name' as const, spans: [], ...s.place }]
        : [],
      prices: [],
      names: (s.names ?? []).map((n) => ({ name: n, spans: [] })),
      language: 'fr',
    },
    indicators: (s.indicators ?? []).map((i) => ({
      code: 'x',
      category: 'minor' as const,
      field: 'body' as const,
      start: 0,
      end: 3,
      weight: 1,
      ...i,
    })),
    scores: { minor: 0, control: 0, recruitment: 0, ...s.scores },
    modelVersion: 'test',
  };
}

/** Stores ads (one batch each, so they get increasing receive times) and returns their ids in order. */
export async function seedAds(b: Backend, specs: AdSpec[]): Promise<number[]> {
  const ids: number[] = [];
  let i = 0;
  for (const s of specs) {
    const record: AdRecord = {
      source: 'test-site.example',
      body: 'Bonjour, disponible ce soir.',
      ...s.record,
    };
    const raw = JSON.stringify(record);
    const receivedAt = s.receivedAt ?? new Date(Date.UTC(2026, 9, 1, 0, i++)).toISOString();
    const r = await writeBatch(b, [
      {
        record,
        raw,
        rawSha256: sha(raw),
        contentSha256: sha(canonicalContent(record)),
        origin: `test.jsonl:${i}`,
        kind: 'import',
        receivedAt,
        searchText: fold(`${record.title ?? ''}\n${record.body}`),
        analysis: buildAnalysis(s),
        images: s.images ?? [],
      },
    ]);
    const row = await b.db
      .selectFrom('ads')
      .select('id')
      .where('source', '=', record.source)
      .where('source_id', '=', record.id)
      .executeTakeFirstOrThrow();
    if (r.changedAdIds.length === 0) throw new Error(`seed ad ${record.id} was not stored`);
    ids.push(row.id);
  }
  return ids;
}

export type TestApp = ReturnType<typeof createApp>;

/** The app on a backend with a quiet logger; config overrides for timeouts and limits. */
export function testApp(b: Backend, o: Omit<AppOptions, 'backend'> = {}): TestApp {
  return createApp({ backend: b, log: quietLog(), ...o });
}

// Errors are asserted through responses, not logs.
const quietLog = () => pino({ level: 'silent' });

/** A signed-in client: sends the session cookie and the CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  req(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

export const PASSWORD = 'correct horse battery';

/** Creates a user with `role` and signs in. */
export async function signIn(
  app: TestApp,
  role: Role,
  username = `${role}-${Math.random().toString(36).slice(2, 8)}`,
): Promise<Client> {
  await createUser(app.deps.backend, { username, role, password: PASSWORD });
  return login(app, username, PASSWORD);
}

export async function login(app: TestApp, username: string, password: string): Promise<Client> {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const client: Client = {
    cookie,
    csrf: csrfToken,
    req: async (method, path, body, headers = {}) =>
      app.request(path.startsWith('/api') ? path : `/api/v1${path}`, {
        method,
        headers: {
          Cookie: cookie,
          'X-CSRF-Token': csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async json<T>(method: string, path: string, body?: unknown) {
      const r = await client.req(method, path, body);
      return { status: r.status, body: (await r.json()) as T };
    },
  };
  return client;
}
