// The public face of the health module: its route and OpenAPI entry.
export { healthApi } from './health.openapi';
export { healthRoutes } from './health.routes';
