import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One answer of a route. A success with a JSON body names the zod schema of that body (from the shared contract, so
 * the client reads the type the document describes); `name` files it under components. A refusal is a description
 * alone: its body is the problem+json `Problem`. Bodies that are not JSON say their `mediaType` (and `binary`);
 * a redirect or a 204 has no body. openapi-coverage.test.ts fails for a JSON success without a schema.
 */
export type ApiResponse = string | { description: string; schema?: z.ZodType; name?: string; mediaType?: string; binary?: boolean };

/** A JSON answer described by a contract schema, filed under components as `name`. */
export const json = (description: string, schema: z.ZodType, name?: string): ApiResponse => ({ description, schema, ...(name ? { name } : {}) });

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
