import { createContext, useContext } from 'react';
import type { User } from '../api/types.ts';

export interface SessionValue {
  /** null when signed out; undefined while the first check runs. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  /** Set when the server ended the session (expiry): the login screen says so. */
  expired: boolean;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user (only inside the authenticated shell). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser while signed out');
  return user;
}
