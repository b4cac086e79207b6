// The public face of the tenants module: the organisations, which access, cases, referrals and workflows read. Their
// administration routes ask the permission layer, so they live in access (access/organisation.routes.ts).
export { type Organisation, organisationModel, type OrganisationType } from './organisation.model';
