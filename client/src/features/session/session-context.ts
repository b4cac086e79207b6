import { createContext, useContext } from 'react';
import type { AppAbility } from './ability';
import type { SessionInfo } from './session.types';

export interface SessionState {
  /** undefined while loading, null when signed out. */
  session: SessionInfo | null | undefined;
  ability: AppAbility;
  signIn(email: string, password: string, org?: string): Promise<void>;
  signOut(): Promise<void>;
  switchOrganisation(org: string): Promise<void>;
  refresh(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
