import type { Role, RouteName } from '../lib/router.ts';
import { canOpen } from '../lib/router.ts';

export interface NavItem {
  route: RouteName;
  href: string;
  labelKey: string;
  /** Keyboard shortcut after pressing "g" (g t = triage…). */
  key: string;
}

const ALL: readonly NavItem[] = [
  { route: 'triage', href: '/triage', labelKey: 'nav.triage', key: 't' },
  { route: 'search', href: '/search', labelKey: 'nav.search', key: 's' },
  { route: 'alerts', href: '/alerts', labelKey: 'nav.alerts', key: 'a' },
  { route: 'cases', href: '/cases', labelKey: 'nav.cases', key: 'c' },
  { route: 'outreach', href: '/outreach', labelKey: 'nav.outreach', key: 'o' },
  { route: 'stats', href: '/stats', labelKey: 'nav.stats', key: 'i' },
  { route: 'admin', href: '/admin', labelKey: 'nav.admin', key: 'd' },
  { route: 'audit', href: '/audit', labelKey: 'nav.audit', key: 'u' },
];

/** The sidebar entries a role may use, in display order. */
export function navFor(role: Role): NavItem[] {
  return ALL.filter((i) => canOpen(role, i.route));
}

/** Which sidebar entry is active for a route (details highlight their list). */
export function activeNav(route: RouteName): RouteName {
  switch (route) {
    case 'ad':
    case 'network':
      return 'triage';
    case 'case':
      return 'cases';
    default:
      return route;
  }
}
