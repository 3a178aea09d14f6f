/**
 * The one place the app talks HTTP: same-origin JSON under /api/v1, session cookie, CSRF header on
 * state-changing requests, errors turned into `ApiError` with the server's stable code.
 */

export const API_BASE = '/api/v1';

/** An error answer from the server (`{error, message}`), or a network failure (`code: 'network'`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const listeners = new Set<() => void>();

/** Remembers the CSRF token the server handed out (login or session answer). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when any request gets 401 (session expired): the app returns to the login screen. */
export function onUnauthorized(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not broadcast a 401 (the login form handles its own). */
  quiet401?: boolean;
}

/** Performs a request and parses JSON; throws ApiError on any non-2xx answer. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** Like `request` but returns the raw Response (downloads). */
export async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? readCookie('vigie_csrf') ?? readCookie('csrf');
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e as Error).message);
  }
  if (res.ok) return res;
  let code = `http_${res.status}`;
  let message = res.statusText;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: unknown; message?: unknown; details?: unknown };
    if (typeof body.error === 'string') code = body.error;
    else if (body.error && typeof body.error === 'object' && 'code' in body.error)
      code = String((body.error as { code: unknown }).code);
    if (typeof body.message === 'string') message = body.message;
    details = body.details ?? body;
  } catch {
    // Not JSON (proxy error page): keep the status text.
  }
  if (res.status === 401 && !opts.quiet401) for (const l of listeners) l();
  throw new ApiError(res.status, code, message, details);
}

/** Builds `?a=1&b=2` from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
