import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiGet, apiSend, ApiError, setCsrfToken } from '../../api/http';
import { abilityFromPacked } from './ability';
import { AbilityProvider } from './can';
import { SessionContext, type SessionState } from './session-context';
import type { SessionInfo } from './session.types';
import { mayHaveSession, rememberSignedIn } from './signed-in-flag';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);

  const accept = useCallback((info: SessionInfo | null) => {
    setCsrfToken(info?.csrfToken);
    rememberSignedIn(info !== null);
    setSession(info);
  }, []);

  const refresh = useCallback(async () => {
    if (!mayHaveSession()) {
      accept(null);
      return;
    }
    try {
      accept(await apiGet<SessionInfo>('/api/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) accept(null);
      else throw error;
    }
  }, [accept]);

  useEffect(() => {
    refresh().catch(() => accept(null));
  }, [refresh, accept]);

  const ability = useMemo(() => abilityFromPacked(session?.rules), [session]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      ability,
      refresh,
      async signIn(email, password, org) {
        accept(await apiSend<SessionInfo>('POST', '/api/auth/login', { email, password, ...(org ? { org } : {}) }));
      },
      async signOut() {
        try {
          await apiSend('POST', '/api/auth/logout');
        } finally {
          accept(null);
        }
      },
      async switchOrganisation(org) {
        accept(await apiSend<SessionInfo>('POST', '/api/auth/switch', { org }));
      },
    }),
    [session, ability, refresh, accept],
  );

  return (
    <SessionContext.Provider value={value}>
      <AbilityProvider value={ability}>{children}</AbilityProvider>
    </SessionContext.Provider>
  );
}
