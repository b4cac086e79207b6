// The public face of the Form.io-compatible adapter: its router (mounted at /formio/:org) and its OpenAPI entries.
export { formioApi, type FormioApiOptions } from './formio.routes';
export { formioApiRoutes } from './formio.openapi';
