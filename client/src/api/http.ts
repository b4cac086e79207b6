import i18next from 'i18next';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** fetch for the JSON API: sends the chosen language so that server messages come back translated. */
export async function apiGet<T>(url: string): Promise<T> {
  const response = await fetch(url, {
    headers: { Accept: 'application/json', 'Accept-Language': i18next.language },
    credentials: 'same-origin',
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new ApiError(body as Problem);
  return body as T;
}
