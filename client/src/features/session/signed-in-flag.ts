/**
 * Whether this browser has a session to ask about. The session cookie is HttpOnly, so the client remembers only that
 * it signed in; a first visit then does not probe /api/me for a certain 401.
 */
const KEY = 'assist.signedIn';

export function rememberSignedIn(signedIn: boolean): void {
  if (signedIn) localStorage.setItem(KEY, '1');
  else localStorage.removeItem(KEY);
}

export function mayHaveSession(): boolean {
  return localStorage.getItem(KEY) === '1';
}

/**
 * Whose page the sign-in page may return to. RequireAuth records with the page it sends to sign-in the user who was
 * signed in last (or `signed-out` after "Sign out"); the sign-in page goes back there only for that same person, so
 * the next person at a shared computer starts at their own dashboard.
 */
const LAST_USER = 'assist.lastUser';
export const SIGNED_OUT = 'signed-out';

export function rememberUser(userId: string): void {
  sessionStorage.setItem(LAST_USER, userId);
}

export function lastUser(): string | undefined {
  return sessionStorage.getItem(LAST_USER) ?? undefined;
}
