import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FixtureServer, startFixtureSite, startForeignSite } from '../../crawler/fixtures/site.ts';
import { register } from './crawl.ts';

let site: FixtureServer;
let foreign: FixtureServer;
const dir = mkdtempSync(join(tmpdir(), 'vigie-crawl-cli-'));
const db = join(dir, 'vigie.db');

beforeAll(async () => {
  foreign = await startForeignSite();
  site = await startFixtureSite(foreign.url);
});
afterAll(async () => {
  await site?.close();
  await foreign?.close();
});

/** Runs `vigie …` in process; returns what went to stdout and stderr. */
async function vigie(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  const before = process.exitCode;
  process.exitCode = 0;
  const program = new Command('vigie').exitOverride();
  register(program);
  try {
    await program.parseAsync(['node', 'vigie', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = process.exitCode;
  process.exitCode = before;
  return { out: out.join(''), err: err.join(''), code };
}

describe('vigie crawl / capture / worker / adapters', () => {
  const B = 'data/adapters/fixture-petites-b.json';

  it('crawl --once stores the site and crawl status shows its health', async () => {
    const r = await vigie('crawl', B, '--once', '--base-url', site.url, '--db', db, '--threads', '0');
    expect(r.err).toMatch(/crawl fixture-petites-b \(run 1\): ok, \d+ pages, 0 errors.*3 new/);
    const s = await vigie('crawl', 'status', '--db', db, '--json');
    const j = JSON.parse(s.out);
    expect(j.sites[0]).toMatchObject({ source: 'fixture-petites-b', ads: 3, runs: 1 });
    const t = await vigie('crawl', 'status', '--db', db);
    expect(t.out).toMatch(/fixture-petites-b\s+\S+ \S+\s+ok/);
  });

  it('crawl --enqueue then worker --drain runs the job', async () => {
    const q = await vigie('crawl', B, '--enqueue', '--base-url', site.url, '--db', db);
    expect(q.err).toMatch(/queued crawl of fixture-petites-b as job \d+/);
    const again = await vigie('crawl', B, '--enqueue', '--base-url', site.url, '--db', db);
    expect(again.err).toMatch(/already queued/);
    const w = await vigie('worker', '--drain', '--id', 'cli-test', '--db', db);
    expect(w.err).toMatch(/worker cli-test stopped: 1 done/);
    const s = JSON.parse((await vigie('crawl', 'status', '--db', db, '--json')).out);
    expect(s.sites[0].runs).toBe(2);
    expect(s.jobs.done).toBe(1);
    expect(s.jobs.queued).toBeUndefined(); // adapter B has no schedule: nothing queued after
  });

  it('capture stores one page as evidence with its hash', async () => {
    const r = await vigie('capture', `${foreign.url}/annonce/42`, '--db', db);
    expect(r.err).toMatch(
      /HTTP 200, capture \d+, sha256 [0-9a-f]{64}; ad manual-127.0.0.1\/[0-9a-f]{16}: new/,
    );
    expect(foreign.hits).toEqual(['GET /annonce/42']); // no robots.txt for a page asked for by hand
  });

  it('adapters validate names the file and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'x1',
        baseUrl: 'http://a.example',
        startUrls: ['/'],
        list: { itemSelecter: 'li' },
        detail: { id: { urlSegment: -1 }, body: 'p' },
      }),
    );
    const r = await vigie('adapters', 'validate', bad, 'data/adapters/template.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: list: unknown field(s) "itemSelecter"`);
    expect(r.err).toContain(`${bad}: list.itemSelector: Required`);
    expect(r.err).toContain('data/adapters/template.json: OK');
    const noReason = join(dir, 'no-reason.json');
    writeFileSync(
      noReason,
      JSON.stringify({
        name: 'x2',
        baseUrl: 'http://a.example',
        startUrls: ['/', 'http://b.example/'],
        robots: false,
        list: { itemSelector: 'li' },
        detail: { id: { urlSegment: -1 }, body: 'p[' },
      }),
    );
    const r2 = await vigie('adapters', 'validate', noReason);
    expect(r2.err).toContain(`${noReason}: robotsReason: is required when robots is false`);
    const fixed = join(dir, 'fixed.json');
    writeFileSync(
      fixed,
      JSON.stringify({
        name: 'x2',
        baseUrl: 'http://a.example',
        startUrls: ['/', 'http://b.example/'],
        robots: false,
        robotsReason: 'site owner agreement on file',
        list: { itemSelector: 'li' },
        detail: { id: { urlSegment: -1 }, body: 'p[' },
      }),
    );
    const r3 = await vigie('adapters', 'validate', fixed);
    expect(r3.err).toContain(`${fixed}: detail.body: invalid CSS selector "p["`);
    expect(r3.err).toContain(`${fixed}: startUrls[1]: host b.example is not in baseUrl or allowedHosts`);
  });

  it('adapters test shows what a page gives, storing nothing', async () => {
    const r = await vigie('adapters', 'test', B, `${site.url}/b/voir?id=b1`, '--base-url', site.url);
    const j = JSON.parse(r.out);
    expect(j.status).toBe(200);
    expect(j.asAd).toMatchObject({ id: 'b1', city: 'Marseille', age: 22, gone: false });
  });
  it('adapters test refuses a URL outside the adapter hosts, without a request', async () => {
    const r = await vigie('adapters', 'test', B, `${foreign.url}/x`, '--base-url', site.url);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/host_not_allowed/);
    expect(foreign.hits.filter((h) => h.includes('/x'))).toEqual([]);
  });
});
