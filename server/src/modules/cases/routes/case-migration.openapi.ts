import { apiRoutes, json } from '../../../core/openapi/api-route';
import { MigrationResultSchema } from '../../../contracts/cases/case-migration.types';
import { MigrateCasesSchema } from './case-migration.routes';

/** Case migration, documented with the workflows (its URL is a workflow's) though the cases module serves it. */
export const caseMigrationApi = apiRoutes('workflows', [
  {
    method: 'post', path: '/api/workflows/:id/migrate', body: MigrateCasesSchema, bodyName: 'MigrateCases',
    summary: 'Move running cases to a version (dry run lists which can move and why not)', responses: { 200: json('Per case: whether it can move (or moved), and why not', MigrationResultSchema, 'MigrationResult') },
  },
]);
