import { apiRoutes } from '../../core/openapi/api-route';

export const healthApi = apiRoutes('health', [
  { method: 'get', path: '/healthz', public: true, summary: 'Liveness: the process runs', responses: { 200: '{ status: "ok" }' } },
  { method: 'get', path: '/readyz', public: true, summary: 'Readiness: the database answers', responses: { 200: '{ status: "ready" }', 503: 'The database does not answer' } },
]);
