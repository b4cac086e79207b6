import i18next from 'i18next';

/** One problem of an RFC 9457 problem+json answer, e.g. a rule at `rules/2/subject`. */
export interface ProblemItem {
  path: string;
  message?: string;
  code?: string;
  /** A permission a role would give beyond what the editor holds (code absent). */
  action?: string;
  subject?: string;
  field?: string;
  /** A value entered with a case step: its name and the limit it broke (`events.inputProblems.*`). */
  name?: string;
  limit?: string | number;
}

/** A Form.io validation detail: the renderer shows it next to the field at `path`. */
export interface FormioDetail {
  message: string;
  path: Array<string | number>;
  context?: Record<string, unknown>;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  problems?: ProblemItem[];
  details?: FormioDetail[];
  name?: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token (from login or /api/me), sent on every unsafe request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = (body ?? {}) as Partial<Problem>;
    throw new ApiError({
      type: problem.type ?? 'about:blank',
      title: problem.title ?? response.statusText,
      status: problem.status ?? response.status,
      detail: problem.detail ?? '',
      code: problem.code ?? String(response.status),
      problems: problem.problems,
      details: problem.details,
      name: problem.name,
    });
  }
  return body as T;
}

/**
 * Called when a request of a signed-in page is answered 401 (the session ended): the session provider asks the person
 * to sign in again in place and answers whether they did; the request is then sent once more, so a form being filled
 * in keeps its answers. Requests of the sign-in itself are never retried.
 */
type Reauthenticate = () => Promise<boolean>;
let reauthenticate: Reauthenticate | undefined;

export function setReauthenticator(handler: Reauthenticate | undefined): void {
  reauthenticate = handler;
}

async function signedInAgain(response: Response, url: string): Promise<boolean> {
  if (response.status !== 401 || !reauthenticate || url.startsWith('/api/auth/') || url === '/api/me') return false;
  return reauthenticate();
}

/** fetch for the JSON API: sends the chosen language so that server messages come back translated. */
export async function apiGet<T>(url: string): Promise<T> {
  const response = await fetch(url, {
    headers: { Accept: 'application/json', 'Accept-Language': i18next.language },
    credentials: 'same-origin',
  });
  if (await signedInAgain(response, url)) return apiGet<T>(url);
  return parse<T>(response);
}

/** fetch for audio (read aloud): the audio as a Blob, or the server's problem as an ApiError. */
export async function apiAudio(url: string, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(url, {
    headers: { Accept: 'audio/*, application/problem+json', 'Accept-Language': i18next.language },
    credentials: 'same-origin',
    signal,
  });
  if (await signedInAgain(response, url)) return apiAudio(url, signal);
  if (!response.ok) return parse<Blob>(response);
  return response.blob();
}

/** Unsafe requests carry the CSRF header; the session cookie alone is never enough. */
export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18next.language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (await signedInAgain(response, url)) return apiSend<T>(method, url, body);
  return parse<T>(response);
}

/** A list endpoint may answer with an array or with `{ items, total }`. */
export function itemsOf<T>(body: T[] | { items: T[] } | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : body.items ?? [];
}
