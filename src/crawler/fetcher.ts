import { sleep } from './limiter.ts';

/** Why a fetch produced no usable response. */
export type FetchErrorCode =
  | 'host_not_allowed'
  | 'robots_disallowed'
  | 'timeout'
  | 'network'
  | 'content_type'
  | 'redirect_limit'
  | 'redirect_loop'
  | 'aborted';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    message: string,
    readonly result?: FetchResult,
  ) {
    super(`${code}: ${url}: ${message}`);
    this.name = 'FetchError';
  }
}

/** What came back for one URL (after redirects). */
export interface FetchResult {
  requestedUrl: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Uint8Array;
  /** The body was cut at `maxBytes`. */
  truncated: boolean;
  fetchedAt: Date;
  redirects: string[];
  attempts: number;
}

export type Accept = 'html' | 'image' | 'text' | 'any';

export interface FetcherOptions {
  /** `host` / `host:port` values any request (every redirect hop, every image) must match. */
  hosts: ReadonlySet<string>;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  maxBytes: number;
  maxRedirects: number;
  /** First retry delay; doubles each time. */
  backoffMs?: number;
  /** Extra check per URL (robots.txt). */
  allow?: (u: URL) => boolean;
  /** Wraps each network attempt (rate limit, concurrency). */
  limit?: <T>(fn: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
}

export interface FetchOptions {
  accept?: Accept;
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  maxBytes?: number;
}

const ACCEPT: Record<Accept, { header: string; ok: (ct: string) => boolean }> = {
  html: {
    header: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
    ok: (ct) => ct.includes('html') || ct.includes('xml') || ct === '',
  },
  image: { header: 'image/*', ok: (ct) => ct.startsWith('image/') },
  text: { header: 'text/plain,*/*;q=0.1', ok: (ct) => ct.startsWith('text/') || ct === '' },
  any: { header: '*/*', ok: () => true },
};

/** An HTTP client that never leaves its allowed hosts; see fetchUrl. */
export interface Fetcher {
  fetch(url: string, o?: FetchOptions): Promise<FetchResult>;
  /** Cookies sent to a host (age gates). */
  setCookie(host: string, name: string, value: string): void;
  readonly options: FetcherOptions;
}

/**
 * Creates a fetcher: manual redirects (each hop checked against the allowed hosts and robots, loops and
 * over-long chains refused), a timeout per attempt covering the whole body, retries with exponential backoff
 * on network errors, timeouts, 5xx and 429 (never on other 4xx), a body size cap that aborts the stream, a
 * content-type check, and a small per-host cookie jar.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (host: string) => {
    const c = jar.get(host);
    return c && c.size > 0 ? [...c].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  };
  const storeCookies = (host: string, res: Response) => {
    for (const sc of res.headers.getSetCookie()) {
      const first = sc.split(';', 1)[0];
      const eq = first.indexOf('=');
      if (eq <= 0) continue;
      const m = jar.get(host) ?? new Map<string, string>();
      m.set(first.slice(0, eq).trim(), first.slice(eq + 1).trim());
      jar.set(host, m);
    }
  };
  const check = (u: URL, original: string) => {
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new FetchError('host_not_allowed', original, `scheme ${u.protocol} refused`);
    if (!options.hosts.has(u.host))
      throw new FetchError('host_not_allowed', u.toString(), `host ${u.host} is not allowed by the adapter`);
    if (options.allow && !options.allow(u))
      throw new FetchError('robots_disallowed', u.toString(), 'disallowed by robots.txt');
  };

  async function once(url: string, o: FetchOptions, attempts: number): Promise<FetchResult> {
    const accept = ACCEPT[o.accept ?? 'html'];
    const maxBytes = o.maxBytes ?? options.maxBytes;
    const redirects: string[] = [];
    let current = new URL(url);
    let method = o.method ?? 'GET';
    let body = o.form ? new URLSearchParams(o.form).toString() : undefined;
    for (;;) {
      check(current, url);
      const ctl = new AbortController();
      const onAbort = () => ctl.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => ctl.abort(new Error('timeout')), options.timeoutMs);
      try {
        const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: accept.header };
        const cookie = cookieHeader(current.host);
        if (cookie) headers.cookie = cookie;
        if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
        let res: Response;
        try {
          res = await fetch(current, { method, headers, body, redirect: 'manual', signal: ctl.signal });
        } catch (e) {
          throw toFetchError(e, ctl, current.toString(), options.signal);
        }
        storeCookies(current.host, res);
        const loc = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && loc) {
          await res.body?.cancel().catch(() => {});
          const next = new URL(loc, current);
          redirects.push(current.toString());
          if (redirects.includes(next.toString()))
            throw new FetchError('redirect_loop', url, `redirect loop via ${next}`);
          if (redirects.length > options.maxRedirects)
            throw new FetchError('redirect_limit', url, `more than ${options.maxRedirects} redirects`);
          if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
          }
          current = next;
          continue;
        }
        const contentType = res.headers.get('content-type');
        const result: FetchResult = {
          requestedUrl: url,
          url: current.toString(),
          status: res.status,
          headers: Object.fromEntries(res.headers),
          contentType,
          body: new Uint8Array(0),
          truncated: false,
          fetchedAt: new Date(),
          redirects,
          attempts,
        };
        if (res.status < 400 && !accept.ok((contentType ?? '').toLowerCase())) {
          await res.body?.cancel().catch(() => {});
          throw new FetchError('content_type', result.url, `unexpected content type ${contentType}`, result);
        }
        try {
          const read = await readCapped(res, maxBytes, ctl);
          result.body = read.body;
          result.truncated = read.truncated;
        } catch (e) {
          throw toFetchError(e, ctl, current.toString(), options.signal);
        }
        return result;
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      }
    }
  }

  return {
    options,
    setCookie(host, name, value) {
      const m = jar.get(host) ?? new Map<string, string>();
      m.set(name, value);
      jar.set(host, m);
    },
    async fetch(url, o = {}) {
      const limit = options.limit ?? ((fn) => fn());
      for (let attempt = 1; ; attempt++) {
        let wait = (options.backoffMs ?? 1000) * 2 ** (attempt - 1);
        try {
          const r = await limit(() => once(url, o, attempt));
          if (!((r.status >= 500 || r.status === 429) && attempt <= options.retries)) return r;
          wait = Math.max(wait, retryAfterMs(r.headers['retry-after']));
        } catch (e) {
          const code = e instanceof FetchError ? e.code : 'network';
          if (!(code === 'network' || code === 'timeout') || attempt > options.retries) throw e;
        }
        await sleep(wait, options.signal);
        if (options.signal?.aborted) throw new FetchError('aborted', url, 'stopped');
      }
    },
  };
}

/** A server's Retry-After (seconds or an HTTP date) in ms, capped at two minutes; 0 when absent. */
export function retryAfterMs(v: string | undefined, now = Date.now()): number {
  if (!v) return 0;
  const secs = /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) * 1000 : Date.parse(v) - now;
  return Number.isFinite(secs) ? Math.min(Math.max(secs, 0), 120_000) : 0;
}

function toFetchError(e: unknown, ctl: AbortController, url: string, outer?: AbortSignal): FetchError {
  if (e instanceof FetchError) return e;
  if (outer?.aborted) return new FetchError('aborted', url, 'stopped');
  if (ctl.signal.aborted) return new FetchError('timeout', url, 'no complete response in time');
  const cause = (e as Error & { cause?: Error }).cause;
  return new FetchError('network', url, cause?.message ?? (e as Error).message);
}

/** Reads a body up to `max` bytes; beyond that the stream is cancelled and the result marked truncated. */
async function readCapped(res: Response, max: number, ctl: AbortController) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!res.body) return { body: new Uint8Array(0), truncated: false };
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      size = max;
      await reader.cancel().catch(() => {});
      ctl.abort();
      return { body: concat(chunks, size), truncated: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { body: concat(chunks, size), truncated: false };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}
