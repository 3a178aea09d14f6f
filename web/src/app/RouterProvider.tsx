import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { matchRoute } from '../lib/router.ts';
import { type Location, RouterContext } from './router-context.ts';

function current(): Location {
  const { pathname, search } = window.location;
  return { pathname, search, route: matchRoute(pathname) };
}

/** History-API routing (the server answers every app path with index.html). */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (opts?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(current());
    if (!opts?.replace) window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}
