// The public face of the cases module: the case services app.ts wires, its routes, and what referrals and demo data
// use of cases.
export { type CaseServices, type CaseServicesOptions, createCaseServices } from './case-services';
export { consentRequired } from './case.errors';
export { grantApi } from './grants/grant.openapi';
export { grantRoutes } from './grants/grant.routes';
export { openGrant, recordDisbursement, requestIncrease } from './grants/grant.service';
export { ensureCaseLists } from './lists/case-list-migration';
export { startCaseListRepair } from './lists/case-list-sync';
export { caseMigrationApi } from './routes/case-migration.openapi';
export { caseMigrationRoutes } from './routes/case-migration.routes';
export { caseStatsRoutes } from './routes/case-stats.routes';
export { caseApi } from './routes/case.openapi';
export { caseRoutes } from './routes/case.routes';
export { ensureCaseAction, readableCase } from './service/case-access';
export { advanceCase, type CaseChange, definitionOf } from './service/case-advance';
export { fireCaseEvent } from './service/case-event.service';
export type { CaseNews, CaseNewsPort } from './service/case-news.port';
export type { CaseReferralPort, PreparedReferrals } from './service/case-referral.port';
export type { CaseRuntime, Clock } from './service/case-runtime';
export { latestPersonSubmissions } from './service/case-person-view.service';
export { consentCoverage, shareGroupsOf, sharesOf } from './service/case-sharing.service';
export { createCaseSubmissions } from './service/case-submissions.service';
export { commitCase } from './service/case-writer';
export { createCase, updateCase } from './service/case.service';
export { upgradeCaseFormData } from './storage/case-form-data.model';
export { caseModel, type CaseRecord, type TimelineEntry } from './storage/case.model';
export { caseNotificationModel } from './storage/notification.model';
export { nameCases } from './service/case-names';
