import { apiRoutes, json } from '../../core/openapi/api-route';
import { MetaViewSchema, OpenApiDocumentSchema } from '../../contracts/meta/meta.schemas';

export const metaApi = apiRoutes('meta', [
  { method: 'get', path: '/api/meta', public: true, summary: 'What the client needs before anyone signs in: the languages offered, the request language, and which installation this is', responses: { 200: json('Installation facts', MetaViewSchema, 'MetaView') } },
  { method: 'get', path: '/api/openapi.json', public: true, summary: 'This document', responses: { 200: json('The OpenAPI 3.1 document', OpenApiDocumentSchema) } },
]);
