import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetcherOptions, createFetcher, retryAfterMs } from './fetcher.ts';

let server: Server;
let base: string;
let host: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const u = req.url ?? '/';
    if (u === '/gone') return res.writeHead(404).end('nope');
    if (u === '/pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    if (u.startsWith('/hop/')) {
      const n = Number(u.slice(5));
      return res.writeHead(302, { location: `/hop/${n + 1}` }).end();
    }
    if (u === '/form' && req.method === 'POST') {
      return res.writeHead(303, { location: '/landing', 'set-cookie': 'k=v; Path=/' }).end();
    }
    if (u === '/landing')
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`cookie=${req.headers.cookie ?? ''} method=${req.method}`);
    if (u === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 50; i++) res.write('y'.repeat(10_000));
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>ok</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const make = (o: Partial<FetcherOptions> = {}) =>
  createFetcher({
    hosts: new Set([host]),
    userAgent: 'T/1',
    timeoutMs: 2000,
    retries: 2,
    maxBytes: 100_000,
    maxRedirects: 3,
    backoffMs: 1,
    ...o,
  });

describe('fetcher', () => {
  it('does not retry a 4xx and returns it', async () => {
    hits.length = 0;
    const r = await make().fetch(`${base}/gone`);
    expect(r.status).toBe(404);
    expect(hits).toEqual(['GET /gone']);
  });
  it('refuses an unexpected content type without reading it', async () => {
    await expect(make().fetch(`${base}/pdf`)).rejects.toThrow(/content_type/);
    expect((await make().fetch(`${base}/pdf`, { accept: 'any' })).status).toBe(200);
  });
  it('stops a redirect chain longer than the limit', async () => {
    await expect(make().fetch(`${base}/hop/0`)).rejects.toThrow(/redirect_limit/);
    hits.length = 0;
    await expect(make({ maxRedirects: 0 }).fetch(`${base}/hop/0`)).rejects.toThrow(/redirect_limit/);
    expect(hits).toEqual(['GET /hop/0']);
  });
  it('posts a form, follows 303 with GET and keeps the cookie', async () => {
    const r = await make().fetch(`${base}/form`, { method: 'POST', form: { a: '1' } });
    expect(new TextDecoder().decode(r.body)).toBe('cookie=k=v method=GET');
    expect(r.redirects).toEqual([`${base}/form`]);
  });
  it('cuts a body at the size limit', async () => {
    const r = await make({ maxBytes: 25_000 }).fetch(`${base}/big`);
    expect(r.truncated).toBe(true);
    expect(r.body.byteLength).toBe(25_000);
  });
  it('never sends a request to a host it was not given', async () => {
    hits.length = 0;
    await expect(make({ hosts: new Set(['example.org']) }).fetch(`${base}/`)).rejects.toThrow(
      /host_not_allowed/,
    );
    await expect(make().fetch('file:///etc/passwd')).rejects.toThrow(/host_not_allowed/);
    expect(hits).toEqual([]);
  });
  it('gives up on an unreachable host after its retries', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const f = make({ hosts: new Set([`127.0.0.1:${port}`]) });
    await expect(f.fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow(/network/);
  });
  it('reads Retry-After as seconds or a date, capped', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('99999')).toBe(120_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(retryAfterMs('soon')).toBe(0);
    expect(retryAfterMs(undefined)).toBe(0);
  });
});
