import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { onUnauthorized, setCsrfToken } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { User } from '../api/types.ts';
import { SessionContext } from './session-context.ts';

/** Asks the server who is signed in, and keeps that answer (and the CSRF token) for the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const ctl = new AbortController();
    api.session({ signal: ctl.signal }).then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      },
      () => {
        if (!ctl.signal.aborted) setUser(null);
      },
    );
    const off = onUnauthorized(() => {
      setCsrfToken(null);
      setUser((u) => {
        if (u) setExpired(true);
        return null;
      });
    });
    return () => {
      ctl.abort();
      off();
    };
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const s = await api.login(username, password);
    setCsrfToken(s.csrfToken);
    setExpired(false);
    setUser(s.user);
    return s.user;
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);
  const value = useMemo(() => ({ user, login, logout, expired }), [user, login, logout, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
