// The access module's test-support face: what only tests use. index.ts is what other modules' code uses; this file
// is for tests (under test/, or another module's tests beside their files) that build abilities from raw rules, read
// stored sessions, invitations and sign-in throttles, age them past their limits, or change a role's stored rules
// under a running server and drop the cached permissions. Keeping these off index.ts keeps other modules from writing
// access's collections or caches directly; lint lets only tests import this file. The preset upgrade's tests also
// store roles as earlier releases did (their rules, fingerprints and the fingerprints of earlier presets).
export { createAbility, type AppRawRule } from './ability';
export { forgetCachedAuth } from './auth-context';
export { invitationModel } from './invitation.model';
export { knownSignInOriginModel, loginAttemptSlotModel } from './login-throttle.model';
export { DEFAULT_LOGIN_LIMITS } from './login-throttle.service';
export { rulesFingerprint } from './preset-fingerprint';
export { EARLIER_PRESET_FINGERPRINTS } from './role-preset-history';
export { ROLE_PRESETS, type RolePreset } from './role-presets';
export { effectiveRules, type OrganisationFrame } from './role-rules';
export { decodeRules, encodeRules } from './rule-storage';
export type { RoleRule } from './rule.schemas';
export { SESSION_CACHE_MS } from './session-cache';
export { sessionModel } from './session.model';
export { hashToken, resolveSession, SESSION_IDLE_MS } from './session.service';
