import type { Fetcher, FetchResult } from './fetcher.ts';
import { ALLOW_ALL, DENY_ALL, type RobotsRules, parseRobots } from './robots.ts';

/** Robots rules of several hosts, as one predicate for the fetcher. */
export interface HostRobots {
  allows(u: URL): boolean;
  /** The largest crawl delay asked by any host (seconds). */
  crawlDelay: number | null;
  byHost: Map<string, RobotsRules>;
  /** Hosts whose robots.txt could not be read (refused for this run), with why. */
  unreachable: Map<string, string>;
}

/**
 * Fetches robots.txt of every allowed host (each response kept as evidence via `keep`). Missing (4xx) means
 * everything is allowed; unreachable or 5xx means nothing is (the conservative reading of RFC 9309).
 */
export async function loadRobots(
  fetcher: Fetcher,
  hosts: Iterable<string>,
  scheme: string,
  userAgent: string,
  keep: (r: FetchResult) => Promise<unknown>,
): Promise<HostRobots> {
  const byHost = new Map<string, RobotsRules>();
  const unreachable = new Map<string, string>();
  for (const host of hosts) {
    let rules: RobotsRules = DENY_ALL;
    try {
      const r = await fetcher.fetch(`${scheme}//${host}/robots.txt`, { accept: 'any', maxBytes: 500_000 });
      await keep(r);
      if (r.status >= 500) unreachable.set(host, `robots.txt answered HTTP ${r.status}`);
      else if (r.status >= 400) rules = ALLOW_ALL;
      else rules = parseRobots(new TextDecoder().decode(r.body), userAgent);
    } catch (e) {
      // Unreachable: refuse the host for this run (conservative).
      unreachable.set(host, (e as Error).message);
    }
    byHost.set(host, rules);
  }
  let delay: number | null = null;
  for (const r of byHost.values()) if (r.crawlDelay !== null) delay = Math.max(delay ?? 0, r.crawlDelay);
  return {
    byHost,
    unreachable,
    crawlDelay: delay,
    allows: (u) => {
      if (u.pathname === '/robots.txt') return true;
      return (byHost.get(u.host) ?? DENY_ALL).allows(`${u.pathname}${u.search}`);
    },
  };
}
