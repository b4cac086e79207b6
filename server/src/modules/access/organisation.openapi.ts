import { apiRoutes } from '../../core/openapi/api-route';
import { updateOrganisationSchema } from './organisation.routes';

export const organisationApi = apiRoutes('tenants', [
  { method: 'get', path: '/api/organisations', summary: 'The organisations the user may see', responses: { 200: 'Organisations' } },
  { method: 'get', path: '/api/organisations/:id', summary: 'An organisation with its jurisdiction parameters', responses: { 200: 'The organisation' } },
  {
    method: 'patch', path: '/api/organisations/:id', body: updateOrganisationSchema, bodyName: 'UpdateOrganisation',
    summary: "Change an organisation's name or jurisdiction parameters", responses: { 200: 'The organisation', 403: 'The role may not change it' },
  },
]);
