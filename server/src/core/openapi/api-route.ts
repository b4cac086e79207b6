import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One answer of a route: its description, and what its body is when it is not JSON described elsewhere. */
export type ApiResponse = string | { description: string; schema?: z.ZodType; mediaType?: string; binary?: boolean };

/**
 * What `/api/openapi.json` says about one route. Each module lists its routes beside its routers (`*.openapi.ts`),
 * naming the same zod schemas the handlers parse with, so the document is generated from what is validated.
 * `test/integration/openapi-coverage.test.ts` fails for a route Express serves that no module lists.
 */
export interface ApiRoute {
  method: HttpMethod;
  /** The path as Express matches it, mount prefixes included: `/api/cases/:id`, `/formio/:org/form`. */
  path: string;
  summary: string;
  /** Tag in the document: the area of the API (the module that serves it, or its records': `tenants`, `audit`). */
  module: string;
  /** Served without a session (sign-in, health, this document). */
  public?: boolean;
  /** Descriptions of path parameters (`:id` is "The record's id" unless said otherwise). */
  params?: Record<string, string>;
  query?: z.ZodObject;
  /** The request body; with `bodyName` it is a named schema under components. */
  body?: z.ZodType;
  bodyName?: string;
  /** Takes the `Idempotency-Key` header (a retried write stores once). */
  idempotent?: boolean;
  /** Answers besides the ones every route has (401 for routes behind sign-in, 400 for those with input, 404 with an id). */
  responses: Record<number, ApiResponse>;
}

/** Declares the routes of one module (adds the module's tag to each). */
export function apiRoutes(module: string, routes: Omit<ApiRoute, 'module'>[]): ApiRoute[] {
  return routes.map((route) => ({ ...route, module }));
}
