import { apiRoutes, json } from '../../core/openapi/api-route';
import { OrganisationListSchema, OrganisationViewSchema } from '../../contracts/access/access-view.schemas';
import { updateOrganisationSchema } from './organisation.routes';

export const organisationApi = apiRoutes('tenants', [
  { method: 'get', path: '/api/organisations', summary: 'The organisations the user may see', responses: { 200: json('Organisations', OrganisationListSchema, 'OrganisationList') } },
  { method: 'get', path: '/api/organisations/:id', summary: 'An organisation with its jurisdiction parameters', responses: { 200: json('The organisation', OrganisationViewSchema, 'OrganisationView') } },
  {
    method: 'patch', path: '/api/organisations/:id', body: updateOrganisationSchema, bodyName: 'UpdateOrganisation',
    summary: "Change an organisation's name or jurisdiction parameters", responses: { 200: json('The organisation', OrganisationViewSchema, 'OrganisationView'), 403: 'The role may not change it' },
  },
]);
