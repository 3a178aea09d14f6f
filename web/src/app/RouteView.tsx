import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Loading } from '../components/Loading.tsx';
import { canOpen, type RouteName } from '../lib/router.ts';
import { AdminPage } from '../pages/AdminPage.tsx';
import { AdPage } from '../pages/AdPage.tsx';
import { AlertsPage } from '../pages/AlertsPage.tsx';
import { AuditPage } from '../pages/AuditPage.tsx';
import { CasePage } from '../pages/CasePage.tsx';
import { CasesPage } from '../pages/CasesPage.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { OutreachPage } from '../pages/OutreachPage.tsx';
import { SearchPage } from '../pages/SearchPage.tsx';
import { TriagePage } from '../pages/TriagePage.tsx';
import { useI18n } from './i18n-context.ts';
import { useRouter } from './router-context.ts';
import { useUser } from './session-context.ts';

// Graph, map and chart libraries are heavy: their screens load on first use, keeping triage fast.
const NetworkPage = lazy(() => import('../pages/NetworkPage.tsx').then((m) => ({ default: m.NetworkPage })));
const StatsPage = lazy(() => import('../pages/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

function pageFor(name: RouteName, params: Record<string, string>): ReactNode {
  switch (name) {
    case 'triage':
      return <TriagePage />;
    case 'ad':
      return <AdPage key={params.id} id={params.id!} />;
    case 'network':
      return <NetworkPage key={params.id} id={params.id!} />;
    case 'search':
      return <SearchPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CasePage key={params.id} id={params.id!} />;
    case 'outreach':
      return <OutreachPage />;
    case 'stats':
      return <StatsPage />;
    case 'admin':
      return <AdminPage />;
    case 'audit':
      return <AuditPage />;
    default:
      return <NotFoundPage />;
  }
}

/** Picks the screen for the URL, refusing (in words) screens the role may not open. */
export function RouteView() {
  const { location } = useRouter();
  const user = useUser();
  const { t } = useI18n();
  const { name, params } = location.route;
  useEffect(() => {
    document.title = `${t(`title.${name}`)} · Vigie`;
  }, [name, t]);
  if (!canOpen(user.role, name)) return <ForbiddenPage />;
  return <Suspense fallback={<Loading />}>{pageFor(name, params)}</Suspense>;
}
