import type { LoadedAdapter } from './adapter-loader.ts';
import type { Session } from './crawl-session.ts';
import { extractListing } from './extract.ts';

/** The outcome of walking a site's list pages. */
export interface Walk {
  /** Ad page URLs found, in order, within the allowed hosts. */
  links: string[];
  /** Links to other hosts, never fetched. */
  refused: string[];
  /** Every list page was read and the last one had no next page: absence from it means gone. */
  complete: boolean;
  pages: number;
  errors: string[];
}

function pageUrl(start: string, param: string, n: number): string {
  const u = new URL(start);
  u.searchParams.set(param, String(n));
  return u.toString();
}

/** Walks the list pages from every start URL, following next links or a page parameter, up to maxPages each. */
export async function walkLists(a: LoadedAdapter, s: Session, signal?: AbortSignal): Promise<Walk> {
  const w: Walk = { links: [], refused: [], complete: true, pages: 0, errors: [] };
  const seenPages = new Set<string>();
  const links = new Set<string>();
  const refused = new Set<string>();
  const p = a.list.pagination;
  for (const start of a.starts) {
    let url: string | null = p?.type === 'param' ? pageUrl(start, p.param, p.start) : start;
    let n = p?.type === 'param' ? p.start : 0;
    let ended = false;
    for (let i = 0; i < a.list.maxPages && url && !signal?.aborted; i++) {
      if (seenPages.has(url)) {
        ended = true;
        break;
      }
      seenPages.add(url);
      let page: Awaited<ReturnType<Session['getPage']>>;
      try {
        page = await s.getPage(url, 'list');
      } catch (e) {
        w.errors.push(`${url}: ${(e as Error).message}`);
        break;
      }
      w.pages++;
      if (page.result.status >= 400 || page.result.truncated) {
        w.errors.push(
          `${url}: ${page.result.truncated ? 'page larger than the size limit' : `HTTP ${page.result.status}`}`,
        );
        break;
      }
      const l = extractListing(page.html, page.result.url, a);
      for (const link of l.links) {
        if (!a.hosts.has(new URL(link).host)) refused.add(link);
        else links.add(link);
      }
      if (p?.type === 'param') {
        n += p.step;
        url = l.items > 0 ? pageUrl(start, p.param, n) : null;
      } else url = l.next;
      if (!url) ended = true;
    }
    if (!ended) w.complete = false;
  }
  if (w.errors.length > 0 || signal?.aborted) w.complete = false;
  w.links = [...links];
  w.refused = [...refused];
  return w;
}
