import { useEffect } from 'react';
import { Loading } from '../components/Loading.tsx';
import { homeFor } from '../lib/router.ts';
import { AppShell } from '../components/AppShell.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { RouteView } from './RouteView.tsx';
import { useRouter } from './router-context.ts';
import { useSession } from './session-context.ts';

/** Signed out → login screen (remembering where the user wanted to go); signed in → the app. */
export function SessionGate() {
  const { user } = useSession();
  const { location, navigate } = useRouter();
  const onLogin = location.route.name === 'login';
  useEffect(() => {
    if (user === null && !onLogin) {
      const next = location.pathname + location.search;
      navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
    } else if (user && (onLogin || location.pathname === '/')) {
      navigate(homeFor(user.role), { replace: true });
    }
  }, [user, onLogin, location.pathname, location.search, navigate]);
  if (user === undefined) return <Loading />;
  if (user === null) return onLogin ? <LoginPage /> : <Loading />;
  if (onLogin) return <Loading />;
  return (
    <AppShell>
      <RouteView />
    </AppShell>
  );
}
