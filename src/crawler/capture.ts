import { createHash } from 'node:crypto';
import { VigieError } from '../core/errors.ts';
import type { ImageHasher } from '../import/images.ts';
import { type Analyzer, importLines } from '../import/import-runner.ts';
import type { Backend } from '../store/database.ts';
import { linkCaptureToAd } from '../store/crawl-repo.ts';
import { fetchAdImages } from './ad-images.ts';
import { type LoadedAdapter, formatProblems, validateAdapter } from './adapter-loader.ts';
import { type SessionOptions, createSession } from './crawl-session.ts';
import { extractDetail } from './extract.ts';

export interface CaptureResult {
  captureId: number;
  sha256: string;
  status: number;
  source: string;
  sourceId: string | null;
  outcome: 'new' | 'updated' | 'unchanged' | 'not stored';
}

/**
 * The adapter used for a page captured by hand without one: only the page's host, title and whole text.
 * robots.txt is not consulted: a person asked for this one page, as a browser visit would.
 */
export function manualAdapter(url: string): LoadedAdapter {
  const u = new URL(url);
  const r = validateAdapter(
    {
      name: `manual-${u.hostname.replace(/[^a-z0-9.-]/gi, '-').toLowerCase()}`,
      baseUrl: u.origin,
      startUrls: [url],
      robots: false,
      robotsReason: 'one page captured by hand at the request of an analyst (vigie capture)',
      retries: 1,
      list: { itemSelector: 'a' },
      detail: { id: { selector: 'html', attr: 'data-no-id' }, title: 'title', body: 'body' },
      images: { download: false },
    },
    '(manual capture)',
  );
  if (!r.ok) throw new VigieError('invalid_input', formatProblems(url, r.problems));
  return r.adapter;
}

/** Fetches one page as evidence and stores the ad it shows (with the adapter's selectors, or generically). */
export async function capturePage(o: {
  backend: Backend;
  url: string;
  adapter?: LoadedAdapter;
  analyzer: Analyzer;
  imageHasher?: ImageHasher;
  createRenderer?: SessionOptions['createRenderer'];
}): Promise<CaptureResult> {
  const a = o.adapter ?? manualAdapter(o.url);
  if (!a.hosts.has(new URL(o.url).host)) {
    throw new VigieError('invalid_input', `${o.url}: host not allowed by adapter ${a.file}`);
  }
  const s = await createSession({
    backend: o.backend,
    adapter: a,
    runId: null,
    createRenderer: o.createRenderer,
  });
  try {
    const page = await s.getPage(o.url, 'capture');
    const r = page.result;
    const base = { captureId: page.captureId, sha256: page.sha256, status: r.status, source: a.name };
    if (r.status >= 400 || r.truncated) return { ...base, sourceId: null, outcome: 'not stored' };
    const f = extractDetail(page.html, o.url, a, r.fetchedAt);
    const id = f.id ?? createHash('sha256').update(o.url).digest('hex').slice(0, 16);
    if (!f.body) return { ...base, sourceId: id, outcome: 'not stored' };
    await linkCaptureToAd(o.backend.db, page.captureId, a.name, id);
    const rec: Record<string, unknown> = {
      source: a.name,
      id,
      url: o.url,
      body: f.body,
      captured_at: r.fetchedAt.toISOString(),
    };
    for (const k of ['title', 'city', 'phone', 'age', 'category'] as const)
      if (f[k] !== undefined) rec[k] = f[k];
    if (f.postedAt) rec.posted_at = f.postedAt;
    if (f.images.length > 0) rec.images = f.images;
    let changed: number[] = [];
    const sum = await importLines(
      [{ file: o.url, baseDir: '', line: 0, raw: JSON.stringify(rec), value: rec }],
      {
        backend: o.backend,
        analyzer: o.analyzer,
        kind: 'crawl',
        afterBatch: async (ids) => {
          changed = ids;
        },
      },
    );
    await fetchAdImages(o.backend, s.fetcher, a, changed, {
      hasher: o.imageHasher,
      runId: null,
      warn: () => {},
    });
    const outcome = sum.new ? 'new' : sum.updated ? 'updated' : sum.unchanged ? 'unchanged' : 'not stored';
    return { ...base, sourceId: id, outcome };
  } finally {
    await s.close();
  }
}
