import type { Backend } from '../store/database.ts';
import { insertPageCapture, sha256Bytes } from '../store/crawl-repo.ts';
import type { LoadedAdapter } from './adapter-loader.ts';
import { ageGateForm, isAgeGate } from './extract.ts';
import { type Fetcher, FetchError, type FetchResult, createFetcher } from './fetcher.ts';
import { createLimiter } from './limiter.ts';
import { loadRobots } from './robots-loader.ts';

/** A page fetched (or rendered) and kept as evidence. */
export interface Page {
  result: FetchResult;
  html: string;
  captureId: number;
  sha256: string;
}

/** Renders a page in a browser; all its network goes through the fetcher (see render-chromium.ts). */
export type Renderer = (url: string) => Promise<FetchResult>;

export interface SessionOptions {
  /** Where captures go; without it pages are fetched but not kept (`vigie adapters test`). */
  backend: Backend | null;
  adapter: LoadedAdapter;
  runId: number | null;
  signal?: AbortSignal;
  /** First retry delay (tests make it short). */
  backoffMs?: number;
  /** Called for every problem worth counting (fetch errors, refusals). */
  onError?: (e: FetchError | Error, url: string) => void;
  createRenderer?: (fetcher: Fetcher) => Promise<{ render: Renderer; close(): Promise<void> }>;
}

/** Everything a crawl of one site needs: a polite fetcher bound to the adapter, evidence capture, the age gate. */
export interface Session {
  fetcher: Fetcher;
  /** Fetches an HTML page, stores it as a capture, passes the age gate if it shows up. */
  getPage(url: string, kind: 'list' | 'detail' | 'capture'): Promise<Page>;
  close(): Promise<void>;
}

/** Decodes a body with the charset of its content type (UTF-8 by default). */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const m = /charset=\s*"?([\w-]{1,40})/i.exec(contentType ?? '');
  try {
    return new TextDecoder(m?.[1] ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

export async function createSession(o: SessionOptions): Promise<Session> {
  const a = o.adapter;
  const base = {
    hosts: a.hosts,
    userAgent: a.userAgent,
    timeoutMs: a.timeoutMs,
    retries: a.retries,
    maxBytes: a.maxPageBytes,
    maxRedirects: a.maxRedirects,
    backoffMs: o.backoffMs,
    signal: o.signal,
  };
  const db = o.backend?.db;
  const capture = async (
    r: FetchResult,
    kind: Parameters<typeof insertPageCapture>[1]['kind'],
    keepBody = true,
  ) =>
    !db
      ? { id: 0, sha256: sha256Bytes(r.body) }
      : insertPageCapture(db, {
          url: r.url,
          requestedUrl: r.requestedUrl,
          fetchedAt: r.fetchedAt.toISOString(),
          status: r.status,
          headers: r.headers,
          contentType: r.contentType,
          body: r.body,
          truncated: r.truncated,
          kind,
          keepBody,
          source: a.name,
          runId: o.runId,
        });
  const robots = a.robots
    ? await loadRobots(
        createFetcher({ ...base, retries: Math.min(a.retries, 1) }),
        a.hosts,
        new URL(a.baseUrl).protocol,
        a.userAgent,
        (r) => capture(r, 'robots'),
      )
    : null;
  const baseHost = new URL(a.baseUrl).host;
  const why = robots?.unreachable.get(baseHost);
  if (why) throw new Error(`robots.txt of ${baseHost} could not be read, site not crawled: ${why}`);
  const delay = robots?.crawlDelay ?? 0;
  const perMinute =
    delay > 0 ? Math.min(a.rateLimit.requestsPerMinute, 60 / delay) : a.rateLimit.requestsPerMinute;
  const limiter = createLimiter({ perMinute, concurrency: a.concurrency });
  const fetcher = createFetcher({ ...base, allow: robots?.allows, limit: (fn) => limiter.run(fn) });
  if (a.ageGate?.type === 'cookie')
    for (const h of a.hosts) fetcher.setCookie(h, a.ageGate.name, a.ageGate.value);
  const renderer = a.render === 'chromium' && o.createRenderer ? await o.createRenderer(fetcher) : null;

  const load = async (url: string, kind: 'list' | 'detail' | 'capture'): Promise<Page> => {
    let result: FetchResult;
    try {
      result = renderer ? await renderer.render(url) : await fetcher.fetch(url, { accept: 'html' });
    } catch (e) {
      if (e instanceof FetchError && e.result) await capture(e.result, kind);
      throw e;
    }
    const c = await capture(result, kind);
    return { result, html: decodeBody(result.body, result.contentType), captureId: c.id, sha256: c.sha256 };
  };

  return {
    fetcher,
    async getPage(url, kind) {
      const page = await load(url, kind);
      if (page.result.status >= 400 || !isAgeGate(page.html, a)) return page;
      const form = ageGateForm(page.html, page.result.url, a);
      if (!form)
        throw new Error(
          `${url}: age gate found but its form (${a.ageGate?.type === 'form' ? a.ageGate.form : ''}) is missing`,
        );
      const target =
        form.method === 'GET'
          ? `${form.action}${form.action.includes('?') ? '&' : '?'}${new URLSearchParams(form.fields)}`
          : form.action;
      const gate = await fetcher.fetch(target, {
        accept: 'html',
        method: form.method,
        form: form.method === 'POST' ? form.fields : undefined,
      });
      await capture(gate, 'gate');
      const again = await load(url, kind);
      if (isAgeGate(again.html, a))
        throw new Error(`${url}: still behind the age gate after submitting its form`);
      return again;
    },
    async close() {
      await renderer?.close();
    },
  };
}
