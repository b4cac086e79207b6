import { z } from 'zod';
import { IsoDateTime } from '../api/wire.schemas';

/** `GET /api/meta`: what the client needs before anyone signs in. */
export const MetaViewSchema = z.object({
  /** The languages offered. */
  languages: z.array(z.string()),
  /** The request's language (from `Accept-Language`, or the session's choice). */
  language: z.string(),
  /** Which installation this is (stable across restarts). */
  installationId: z.string(),
  installedAt: IsoDateTime,
});
export type MetaView = z.infer<typeof MetaViewSchema>;

/** `GET /api/openapi.json`: an OpenAPI 3.1 document (its own schema is the OpenAPI specification's). */
export const OpenApiDocumentSchema = z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) });

/** `GET /healthz` and `GET /readyz`. */
export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadinessSchema = z.object({ status: z.literal('ready') });
