import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiGet, apiSend, ApiError, setCsrfToken, setReauthenticator } from '../../api/http';
import { abilityFromPacked } from './ability';
import { AbilityProvider } from './can';
import { SessionContext, type SessionState } from './session-context';
import type { SessionInfo } from './session.types';
import { SignInAgainDialog } from './SignInAgainDialog';
import { mayHaveSession, rememberSignedIn, rememberUser, SIGNED_OUT } from './signed-in-flag';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);

  // The session ended while a page was open: ask the same person to sign in again over the page (see http.ts).
  const [expired, setExpired] = useState<{ email: string; settle(signedIn: boolean): void }>();
  const pending = useRef<Promise<boolean>>(undefined);
  const settleOpen = useRef<(signedIn: boolean) => void>(undefined);

  const accept = useCallback((info: SessionInfo | null) => {
    setCsrfToken(info?.csrfToken);
    rememberSignedIn(info !== null);
    if (info) rememberUser(info.user.id);
    else {
      // Signed out: nobody is asked to sign in again, and requests still waiting for that fail as they would have.
      setReauthenticator(undefined);
      settleOpen.current?.(false);
    }
    setSession(info);
  }, []);

  useEffect(() => {
    if (!session) return;
    const email = session.user.email;
    setReauthenticator(() => {
      pending.current ??= new Promise<boolean>((resolve) => {
        const settle = (signedIn: boolean) => {
          pending.current = undefined;
          settleOpen.current = undefined;
          setExpired(undefined);
          resolve(signedIn);
        };
        settleOpen.current = settle;
        setExpired({ email, settle });
      });
      return pending.current;
    });
    return () => setReauthenticator(undefined);
  }, [session]);

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
        // Requests that end in 401 once the session is gone must not ask to sign in again.
        setReauthenticator(undefined);
        try {
          await apiSend('POST', '/api/auth/logout');
        } finally {
          rememberUser(SIGNED_OUT);
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
      {expired && (
        <SignInAgainDialog
          email={expired.email}
          signIn={async (password) => {
            const info = await apiSend<SessionInfo>('POST', '/api/auth/login', { email: expired.email, password, ...(session ? { org: session.org.slug } : {}) });
            accept(info);
            expired.settle(true);
          }}
          onCancel={() => {
            expired.settle(false);
            rememberUser(SIGNED_OUT);
            accept(null);
          }}
        />
      )}
    </SessionContext.Provider>
  );
}
