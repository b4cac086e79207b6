import { apiRoutes, json } from '../../core/openapi/api-route';
import {
  AccountLocksSchema, CreatedUserSchema, OidcOrganisationsSchema, RevokedSessionsSchema, RoleListSchema, RolePresetsSchema, RoleViewSchema,
  SessionViewSchema, SignedInSchema, UnlockedSchema, UserListSchema,
} from '../../contracts/access/access-view.schemas';
import { acceptInvitationSchema, loginBodySchema, switchOrganisationSchema } from './auth.schemas';
import { createRoleSchema, listRolesQuerySchema, updateRoleSchema } from './role.routes';
import { createUserSchema } from './user.routes';
import { EndPersonViewSchema } from './person-view-lock';

/** Sign-in, sessions, single sign-on, roles, users and account locks. */
export const accessApi = apiRoutes('access', [
  {
    method: 'post', path: '/api/auth/login', public: true, body: loginBodySchema, bodyName: 'Login',
    summary: 'Sign in with email and password (`org` picks the organisation when the user belongs to several); sets the session cookie and answers the token',
    responses: { 200: json('The session: token, user, organisation, role and its rules', SignedInSchema, 'SignedIn'), 401: 'Wrong email or password (`invalid-credentials`)', 429: 'Too many failed attempts: `retryAfter` says when to try again' },
  },
  {
    method: 'post', path: '/api/auth/invitation', public: true, body: acceptInvitationSchema, bodyName: 'AcceptInvitation',
    summary: 'Set one\'s own password with the token of an invitation link (single use, expires after 7 days)',
    responses: { 204: 'Password set: sign in with it', 400: 'Unknown, used or expired link (`invitation-invalid`), or a password too short' },
  },
  { method: 'post', path: '/api/auth/logout', summary: 'End this session (the cookie is cleared)', responses: { 204: 'Signed out' } },
  {
    method: 'post', path: '/api/auth/person-view/end', body: EndPersonViewSchema, bodyName: 'EndPersonView',
    summary: "End the handover of this session to a person (issue 18) with the caseworker's password, counted like a sign-in under the sign-in limits",
    responses: {
      204: 'The staff view is back (also when no handover was open)',
      403: 'Wrong password (`person-view-password`): the person view stays',
      409: 'An account that signs in through its organisation must sign in again (`person-view-needs-sign-in`)',
      429: 'Too many failed attempts: `retryAfter` says when to try again',
    },
  },
  { method: 'get', path: '/api/me', summary: 'The signed-in user, the active organisation, the role and its rules', responses: { 200: json('The session', SessionViewSchema, 'SessionView') } },
  {
    method: 'post', path: '/api/auth/switch', body: switchOrganisationSchema,
    summary: 'Act in another of the user\'s organisations (the same session, new rules)', responses: { 200: json('The session in the other organisation', SessionViewSchema, 'SessionView'), 404: 'No such organisation, or the user is not a member' },
  },
  { method: 'get', path: '/api/auth/oidc', public: true, summary: 'The organisations that sign in through their own OpenID Connect provider', responses: { 200: json('Organisations with single sign-on', OidcOrganisationsSchema, 'OidcOrganisations') } },
  {
    method: 'get', path: '/api/auth/oidc/:org/start', public: true, params: { org: "The organisation's slug" },
    summary: "Start single sign-on: redirects to the organisation's provider (authorization code with PKCE)", responses: { 302: { description: 'To the provider' } },
  },
  {
    method: 'get', path: '/api/auth/oidc/:org/callback', public: true, params: { org: "The organisation's slug" },
    summary: "The provider's redirect back: signs the person in and redirects to the application", responses: { 302: { description: 'To the application, signed in' }, 401: 'The provider did not confirm the person' },
  },
  { method: 'get', path: '/api/roles/presets', summary: 'The role presets a role can start from', responses: { 200: json('Presets with their rules', RolePresetsSchema, 'RolePresets') } },
  {
    method: 'get', path: '/api/roles', query: listRolesQuerySchema,
    summary: "The organisation's roles (and the platform's, for platform administrators); `organisations=all`: every role the caller may read, in any organisation, each naming its organisation",
    responses: { 200: json('Roles', RoleListSchema, 'RoleList') },
  },
  {
    method: 'post', path: '/api/roles', body: createRoleSchema, bodyName: 'CreateRole',
    summary: 'Create a role (from a preset, or with rules; nobody grants more than they hold)', responses: { 201: json('The role', RoleViewSchema, 'RoleView'), 403: 'The rules grant more than the caller holds' },
  },
  { method: 'get', path: '/api/roles/:id', summary: 'A role with its rules', responses: { 200: json('The role', RoleViewSchema, 'RoleView') } },
  {
    method: 'put', path: '/api/roles/:id', body: updateRoleSchema, bodyName: 'UpdateRole',
    summary: 'Change a role of the version seen', responses: { 200: json('The role', RoleViewSchema, 'RoleView'), 403: 'The rules grant more than the caller holds', 409: 'Stale version' },
  },
  { method: 'get', path: '/api/users', summary: "The organisation's users", responses: { 200: json('Users', UserListSchema, 'UserList') } },
  {
    method: 'post', path: '/api/users', body: createUserSchema, bodyName: 'CreateUser',
    summary: 'Create a user with one of an organisation\'s roles; without a password the answer carries a single-use invitation link for the person to set their own', responses: { 201: json('The user (and `invitation`: url, expiresAt)', CreatedUserSchema, 'CreatedUser'), 403: 'The role grants more than the caller holds' },
  },
  { method: 'post', path: '/api/users/:id/revoke-sessions', summary: "End every session of the user", responses: { 200: json('How many sessions ended', RevokedSessionsSchema, 'RevokedSessions') } },
  { method: 'get', path: '/api/account-locks', summary: 'Accounts locked after failed sign-ins, with when they open again', responses: { 200: json('Locked accounts', AccountLocksSchema, 'AccountLocks') } },
  { method: 'post', path: '/api/users/:id/unlock', summary: "Open a locked account before its wait is over (audited)", responses: { 200: json('Whether a lock was removed', UnlockedSchema, 'Unlocked') } },
]);
