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
