import { createContext, useContext } from 'react';
import type { Route } from '../lib/router.ts';

export interface Location {
  pathname: string;
  search: string;
  route: Route;
}

export interface RouterValue {
  location: Location;
  /** Pushes (or replaces) a same-origin path and re-renders. */
  navigate: (to: string, opts?: { replace?: boolean }) => void;
}

export const RouterContext = createContext<RouterValue | null>(null);

export function useRouter(): RouterValue {
  const v = useContext(RouterContext);
  if (!v) throw new Error('useRouter outside RouterProvider');
  return v;
}
