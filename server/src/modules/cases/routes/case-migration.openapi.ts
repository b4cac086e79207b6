import { apiRoutes } from '../../../core/openapi/api-route';
import { MigrateCasesSchema } from './case-migration.routes';

/** Case migration, documented with the workflows (its URL is a workflow's) though the cases module serves it. */
export const caseMigrationApi = apiRoutes('workflows', [
  {
    method: 'post', path: '/api/workflows/:id/migrate', body: MigrateCasesSchema, bodyName: 'MigrateCases',
    summary: 'Move running cases to a version (dry run lists which can move and why not)', responses: { 200: 'Per case: ok, reason' },
  },
]);
