// The public face of the tenants module (organisations): its model, which access, cases and referrals read, and its
// routes.
export { type Organisation, organisationModel, type OrganisationType } from './organisation.model';
export { organisationApi } from './organisation.openapi';
export { organisationRoutes } from './organisation.routes';
