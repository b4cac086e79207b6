import type { ApiRoute } from './core/openapi/api-route';
import { accessApi, auditApi, organisationApi } from './modules/access';
import { caseApi, caseMigrationApi, grantApi } from './modules/cases';
import { formioApiRoutes } from './modules/formio';
import { formApi } from './modules/forms';
import { submissionApi } from './modules/submissions';
import { healthApi } from './modules/health';
import { metaApi } from './modules/meta';
import { speechApi } from './modules/speech';
import { referralApi } from './modules/referrals';
import { workflowApi } from './modules/workflows';

/**
 * Every module's routes as `/api/openapi.json` describes them, in the order app.ts mounts the modules. A module
 * that serves routes adds its list here; test/integration/openapi-coverage.test.ts fails for a route left out.
 */
export function apiDocumentation(): ApiRoute[] {
  return [
    ...healthApi, ...metaApi, ...accessApi, ...organisationApi, ...auditApi, ...submissionApi, ...formApi,
    ...caseApi, ...grantApi, ...workflowApi, ...caseMigrationApi, ...speechApi, ...referralApi, ...formioApiRoutes,
  ];
}
