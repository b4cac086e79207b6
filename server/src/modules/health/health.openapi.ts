import { apiRoutes, json } from '../../core/openapi/api-route';
import { HealthSchema, ReadinessSchema } from '../../contracts/meta/meta.schemas';

export const healthApi = apiRoutes('health', [
  { method: 'get', path: '/healthz', public: true, summary: 'Liveness: the process runs', responses: { 200: json('The process runs', HealthSchema) } },
  { method: 'get', path: '/readyz', public: true, summary: 'Readiness: the database answers', responses: { 200: json('The database answers', ReadinessSchema), 503: 'The database does not answer' } },
]);
