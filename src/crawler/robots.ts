/** The rules of a robots.txt that apply to one user agent. */
export interface RobotsRules {
  allows(pathAndQuery: string): boolean;
  /** Seconds between requests asked by the site, if any. */
  crawlDelay: number | null;
}

interface Group {
  agents: string[];
  rules: { allow: boolean; pattern: string }[];
  delay: number | null;
}

/** Matches a robots.txt path pattern (`*` any run, `$` end) against a path, without regular expressions. */
export function robotsMatch(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const p = anchored ? pattern.slice(0, -1) : pattern;
  // Classic wildcard matching with one backtrack point: linear in practice, O(n·m) at worst.
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < path.length) {
    if (i < p.length && p[i] !== '*' && p[i] === path[j]) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (i >= p.length && !anchored) {
      return true;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i >= p.length;
}

/** Parses robots.txt and keeps the group for `userAgent` (its product token), or `*`. */
export function parseRobots(text: string, userAgent: string): RobotsRules {
  const groups: Group[] = [];
  let cur: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, 500_000).split(/\r?\n/)) {
    const line = rawLine.split('#', 1)[0].trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!cur || !lastWasAgent) {
        cur = { agents: [], rules: [], delay: null };
        groups.push(cur);
      }
      cur.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!cur) continue;
    if ((key === 'allow' || key === 'disallow') && value !== '')
      cur.rules.push({ allow: key === 'allow', pattern: value });
    if (key === 'crawl-delay' && Number.isFinite(Number(value))) cur.delay = Number(value);
  }
  const token = userAgent.split('/', 1)[0].trim().toLowerCase();
  const group =
    groups.find((g) => g.agents.some((a) => a !== '*' && token.includes(a))) ??
    groups.find((g) => g.agents.includes('*'));
  const rules = group?.rules ?? [];
  return {
    crawlDelay: group?.delay ?? null,
    allows(path) {
      // The longest matching rule wins; on a tie, allow wins.
      let best: { allow: boolean; len: number } | null = null;
      for (const r of rules) {
        if (!robotsMatch(r.pattern, path)) continue;
        if (!best || r.pattern.length > best.len || (r.pattern.length === best.len && r.allow)) {
          best = { allow: r.allow, len: r.pattern.length };
        }
      }
      return best ? best.allow : true;
    },
  };
}

/** Rules that allow everything (robots.txt missing, or disabled with a recorded reason). */
export const ALLOW_ALL: RobotsRules = { allows: () => true, crawlDelay: null };
/** Rules that refuse everything (robots.txt unreachable: be conservative). */
export const DENY_ALL: RobotsRules = { allows: () => false, crawlDelay: null };
