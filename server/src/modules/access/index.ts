// The public face of the access module: sign-in, sessions, users and roles, the administration of organisations and
// the reading of the audit log, and the permission layer (CASL) that every module's services query personal data
// through. Organisations (tenants) and the audit trail (audit) sit below it: access reads the one and writes the other.
export { allFieldsOf, type AppAbility } from './ability';
export { accessApi } from './access.openapi';
export { accountLockRoutes } from './account-lock.routes';
export { type AuthContext, loadAuthContext, memberAbility } from './auth-context';
export { auditApi } from './audit-log.openapi';
export { auditRoutes } from './audit-log.routes';
export { authRoutes } from './auth.routes';
export { authenticate, requireAuth } from './authenticate.middleware';
export { createLoginThrottle, type LoginThrottleOptions } from './login-throttle.service';
export { oidcRoutes } from './oidc.routes';
export { organisationApi } from './organisation.openapi';
export { organisationRoutes } from './organisation.routes';
export { hashPassword } from './password';
export { can, ensureCan, fieldFilter, permittedFields, withPermission } from './permissions';
export {
  lockSessionToPersonView, personViewGate, personViewLockRoutes, refuseWhilePersonView
} from './person-view-lock';
export { loadRolePresets, platformRole } from './platform-roles';
export { PLATFORM_ROLE_PRESETS, PRESETS_BY_ORGANISATION_TYPE } from './role-presets';
export { type PresetUpgradeReport, upgradeRolePresets } from './role-preset-upgrade';
export { roleRoutes } from './role.routes';
export { clonePresetInto } from './role.service';
export { auditActor, type ServiceContext, serviceContext } from './service-context';
export { createSession, revokeSession } from './session.service';
export { type Action, submissionFieldFor } from './subjects';
export { userModel } from './user.model';
export { userRoutes } from './user.routes';
export { roleModel } from './role.model';
export { ensureOrgDirectory, membersOf, recordMemberships, rolesOf } from './org-directory';
export type { AuditNamers, SubjectNamer } from './audit-log-names';
export { nameOrganisations } from './organisation-names';
export { nameRoles, nameUsers, type RecordName } from './record-names';
export { readableById } from './readable-by-id';
