/**
 * Route table and matching, kept pure so it is testable without a browser. Paths are real URLs (the
 * server falls back to index.html), so links can be opened in new tabs and shared inside the unit.
 */

export type Role = 'admin' | 'analyst' | 'outreach' | 'auditor';

export type RouteName =
  | 'login'
  | 'triage'
  | 'ad'
  | 'network'
  | 'search'
  | 'alerts'
  | 'cases'
  | 'case'
  | 'outreach'
  | 'stats'
  | 'admin'
  | 'audit'
  | 'notFound';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
}

interface RouteDef {
  name: RouteName;
  pattern: string;
  roles: readonly Role[] | 'public';
}

/** Mirrors src/server/roles.ts: investigation is the analyst's alone; admins administer. */
const INVESTIGATE: readonly Role[] = ['analyst'];

/** Who may open what. The server enforces the same rules; this only avoids showing dead ends. */
export const ROUTES: readonly RouteDef[] = [
  { name: 'login', pattern: '/login', roles: 'public' },
  { name: 'triage', pattern: '/triage', roles: INVESTIGATE },
  { name: 'ad', pattern: '/ads/:id', roles: INVESTIGATE },
  { name: 'network', pattern: '/networks/:id', roles: INVESTIGATE },
  { name: 'search', pattern: '/search', roles: INVESTIGATE },
  { name: 'alerts', pattern: '/alerts', roles: INVESTIGATE },
  { name: 'cases', pattern: '/cases', roles: INVESTIGATE },
  { name: 'case', pattern: '/cases/:id', roles: INVESTIGATE },
  { name: 'outreach', pattern: '/outreach', roles: ['outreach', 'analyst'] },
  { name: 'stats', pattern: '/stats', roles: ['analyst', 'admin'] },
  { name: 'admin', pattern: '/admin', roles: ['admin'] },
  { name: 'audit', pattern: '/audit', roles: ['auditor'] },
];

/** Matches a pathname against the table; unknown paths give `notFound`. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const def of ROUTES) {
    const pp = def.pattern.split('/').filter(Boolean);
    if (pp.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pp.length; i++) {
      const p = pp[i]!;
      const v = parts[i]!;
      if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(v);
      else if (p !== v) {
        ok = false;
        break;
      }
    }
    if (ok) return { name: def.name, params };
  }
  return { name: 'notFound', params: {} };
}

/** Whether a role may open a route. */
export function canOpen(role: Role, name: RouteName): boolean {
  if (name === 'notFound') return true;
  const def = ROUTES.find((r) => r.name === name);
  if (!def) return false;
  return def.roles === 'public' || def.roles.includes(role);
}

/** Where a role lands after login (outreach workers see only their queue, auditors the log). */
export function homeFor(role: Role): string {
  switch (role) {
    case 'outreach':
      return '/outreach';
    case 'auditor':
      return '/audit';
    case 'admin':
      return '/admin';
    default:
      return '/triage';
  }
}

/** Only same-origin app paths are accepted as a post-login destination (no open redirect). */
export function safeNext(next: string | null | undefined, role: Role): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login'))
    return homeFor(role);
  const route = matchRoute(next.split(/[?#]/)[0]!);
  return route.name !== 'notFound' && canOpen(role, route.name) ? next : homeFor(role);
}
