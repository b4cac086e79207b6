import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from './config/env';
import { clientDistDir, clientRoutesFile } from './config/paths';
import { apiDocumentation } from './api-documentation';
import { clientApp } from './core/http/client-app';
import { jsonBody } from './core/http/json-body';
import { unknownRoute } from './core/http/not-found';
import { problemHandler } from './core/http/problem';
import { requestContext } from './core/http/request-context';
import { requestLogger } from './core/http/request-logger';
import { requireDatabase } from './core/http/require-database';
import { securityHeaders } from './core/http/security-headers';
import { validPath } from './core/http/valid-path';
import { openApiDocument } from './core/openapi/openapi-document';
import { openApiRoutes } from './core/openapi/openapi.routes';
import type { ServerI18n } from './core/i18n/i18n';
import {
  auditRoutes, authRoutes, authenticate, personViewGate, personViewLockRoutes, accountLockRoutes, createLoginThrottle,
  type LoginThrottleOptions, oidcRoutes, organisationRoutes, roleRoutes, userRoutes
} from './modules/access';
import { auditNamers } from './audit-subject-names';
import { formioApi } from './modules/formio';
import { formsApiRoutes } from './modules/forms';
import { submissionsApiRoutes } from './modules/submissions';
import { healthRoutes } from './modules/health';
import { metaRoutes } from './modules/meta';
import type { SubmissionCasePort } from './modules/submissions';
import {
  createCaseServices, caseRoutes, caseMigrationRoutes, grantRoutes, caseStatsRoutes, createCaseSubmissions, type CaseRuntime
} from './modules/cases';
import { espeakNg, type SpeechSynthesizer, speechRoutes, rightsSpeechRoutes, safetyPlanSpeechRoutes } from './modules/speech';
import { workflowRoutes, rightsSheetRoutes } from './modules/workflows';
import { WorkflowDefinitionSchema } from './contracts/workflows/workflow-definition.schemas';
import { createReferralPort, referralRoutes, inboxRoutes, type ReferralNotifier } from './modules/referrals';

export interface AppDeps {
  db: Connection;
  logger: Logger;
  i18n: ServerI18n;
  /** Where the built client lives; tests may point elsewhere. */
  clientDir?: string;
  /** Sign-in limits (kept in the database): tests pass a clock they can move forward, or smaller limits. */
  loginThrottle?: LoginThrottleOptions;
  /** Cases and workflows runtime (catalog, clock); main and tests share it with the timer scheduler. */
  caseRuntime?: CaseRuntime;
  /** The cases side of the submissions seam; built from caseRuntime when absent. */
  caseEvents?: SubmissionCasePort;
  /** Reads texts aloud; espeak-ng at ESPEAK_NG_PATH when absent. */
  speech?: SpeechSynthesizer;
  /** Told of new and decided referrals (e-mails when SMTP is configured); the same one the case runtime was built with. */
  notifier?: ReferralNotifier;
}

/** Builds the HTTP application: middleware order matters and is spelled out here, error handler last. */
export function createApp(config: Config, deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestLogger(deps.logger));
  app.use(requestContext(deps.i18n));
  app.use(securityHeaders());
  // A path whose percent-escapes do not decode is one 400 here, before any router decodes a parameter.
  app.use(validPath);

  app.use(healthRoutes(deps.db));

  const caseRuntime = deps.caseRuntime ?? createCaseServices(deps.db, { referrals: createReferralPort(deps.db, deps.notifier) }).runtime;
  const caseEvents = deps.caseEvents ?? createCaseSubmissions(caseRuntime);

  const api = express.Router();
  api.use(requireDatabase(deps.db));
  api.use(jsonBody(config.bodyLimit));
  api.use(authenticate(deps.db));
  // A session handed over to a person answers only what the person view needs (issue 18).
  api.use(personViewGate);
  api.use(metaRoutes(deps.db, deps.i18n));
  const loginThrottle = createLoginThrottle(deps.db, deps.loginThrottle);
  api.use(authRoutes(deps.db, loginThrottle));
  api.use(personViewLockRoutes(deps.db, loginThrottle));
  api.use(oidcRoutes(deps.db));
  api.use(organisationRoutes(deps.db));
  api.use(roleRoutes(deps.db));
  api.use(userRoutes(deps.db));
  api.use(accountLockRoutes(deps.db, loginThrottle));
  api.use(auditRoutes(deps.db, auditNamers));
  // Submissions before forms: creating one is the most frequent request of all, and no route of one overlaps the other.
  api.use(submissionsApiRoutes(deps.db, { caseEvents }));
  api.use(formsApiRoutes(deps.db, { languages: deps.i18n.languages }));
  api.use(openApiRoutes(apiDocumentation, (routes) => openApiDocument(routes, { WorkflowDefinition: WorkflowDefinitionSchema })));
  api.use(caseRoutes(caseRuntime));
  api.use(grantRoutes(caseRuntime));
  api.use(caseStatsRoutes(caseRuntime));
  api.use(workflowRoutes(caseRuntime));
  api.use(rightsSheetRoutes(caseRuntime));
  api.use(caseMigrationRoutes(caseRuntime));
  const synthesizer = deps.speech ?? espeakNg({ executable: config.espeakNgPath });
  api.use(speechRoutes(deps.db, synthesizer));
  api.use(rightsSpeechRoutes(deps.db, caseRuntime.catalog, synthesizer));
  api.use(safetyPlanSpeechRoutes(deps.db, synthesizer));
  api.use(referralRoutes(caseRuntime, deps.notifier));
  api.use(inboxRoutes(caseRuntime));
  api.use(unknownRoute);
  app.use('/api', api);
  // The Form.io-compatible API per organisation, with its own body parser, authentication and JSON errors.
  app.use('/formio/:org', formioApi(deps.db, { bodyLimit: config.bodyLimit, caseEvents }));

  app.use(clientApp(deps.clientDir ?? clientDistDir, clientRoutesFile));
  app.use(unknownRoute);
  app.use(problemHandler);
  return app;
}
