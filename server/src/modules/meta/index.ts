// The public face of the meta module: the installation record and its routes.
export { ensureInstallation } from './installation.service';
export { metaApi } from './meta.openapi';
export { metaRoutes } from './meta.routes';
