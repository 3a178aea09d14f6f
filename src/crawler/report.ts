import type { CaptureResult } from './capture.ts';
import type { CrawlSummary } from './crawler.ts';
import type { SiteHealth } from './health.ts';

/** One line summing up a crawl run. */
export function formatCrawlSummary(name: string, s: CrawlSummary): string {
  return (
    `crawl ${name} (run ${s.runId}): ${s.status}, ${s.pages} pages, ${s.errors} errors, ${s.refused} refused; ` +
    `ads ${s.ads_new} new, ${s.ads_updated} updated, ${s.ads_unchanged} unchanged, ${s.ads_deleted} deleted, ${s.reposts} reposts`
  );
}

/** A small table of per-site health for a terminal. */
export function formatHealth(rows: SiteHealth[]): string {
  if (rows.length === 0) return 'no site crawled yet';
  const head = ['site', 'last run', 'status', 'pages/min', 'errors (last)', 'last success', 'ads', 'deleted'];
  const body = rows.map((h) => [
    h.source,
    h.lastRun?.startedAt.slice(0, 16).replace('T', ' ') ?? '-',
    h.running ? 'running' : (h.lastRun?.status ?? '-'),
    String(h.pagesPerMinute),
    String(h.lastRun?.errors ?? 0),
    h.lastSuccessAt?.slice(0, 16).replace('T', ' ') ?? 'never',
    String(h.ads),
    String(h.deletedAds),
  ]);
  const widths = head.map((_, i) => Math.max(head[i].length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const errors = rows
    .filter((h) => h.lastError)
    .map((h) => `  ${h.source}: last error ${h.lastErrorAt?.slice(0, 16)}: ${h.lastError}`);
  return [line(head), ...body.map(line), ...errors].join('\n');
}

/** What `vigie capture` prints. */
export function formatCapture(url: string, r: CaptureResult): string {
  return `captured ${url}: HTTP ${r.status}, capture ${r.captureId}, sha256 ${r.sha256}; ad ${r.source}/${r.sourceId ?? '-'}: ${r.outcome}`;
}
