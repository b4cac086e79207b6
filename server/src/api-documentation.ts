import type { ApiRoute } from './core/openapi/api-route';
import { accessApi } from './modules/access/access.openapi';
import { auditApi } from './modules/audit/audit.openapi';
import { caseApi } from './modules/cases/routes/case.openapi';
import { grantApi } from './modules/cases/grants/grant.openapi';
import { formioApiRoutes } from './modules/formio';
import { formApi } from './modules/forms';
import { submissionApi } from './modules/submissions';
import { healthApi } from './modules/health/health.openapi';
import { metaApi } from './modules/meta/meta.openapi';
import { speechApi } from './modules/speech/speech.openapi';
import { referralApi } from './modules/referrals/referral.openapi';
import { organisationApi } from './modules/tenants';
import { workflowApi } from './modules/workflows/routes/workflow.openapi';

/**
 * Every module's routes as `/api/openapi.json` describes them, in the order app.ts mounts the modules. A module
 * that serves routes adds its list here; test/integration/openapi-coverage.test.ts fails for a route left out.
 */
export function apiDocumentation(): ApiRoute[] {
  return [
    ...healthApi, ...metaApi, ...accessApi, ...organisationApi, ...auditApi, ...submissionApi, ...formApi,
    ...caseApi, ...grantApi, ...workflowApi, ...speechApi, ...referralApi, ...formioApiRoutes,
  ];
}
