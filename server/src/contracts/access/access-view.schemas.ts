import { z } from 'zod';
import { IsoDateTime } from '../api/wire.schemas';

/*
 * The answers of sign-in, sessions, roles, users, account locks and organisations, shared by client and server (the
 * OpenAPI document is generated from them; openapi-responses.test.ts parses real answers with them).
 */

const oneOrMany = z.union([z.string(), z.array(z.string())]);

/** A permission rule as a role holds it (the server checks it against the permission vocabulary when it is written). */
export const RoleRuleViewSchema = z.object({
  action: oneOrMany,
  subject: oneOrMany,
  fields: z.array(z.string()).optional(),
  conditions: z.record(z.string(), z.unknown()).optional(),
  inverted: z.boolean().optional(),
  reason: z.string().optional(),
});

/** The session: who, in which organisation, with which role and its rules (CASL's packed form), and the CSRF token. */
export const SessionViewSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string(), country: z.string(), type: z.string() }),
  role: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  /** Every organisation the user belongs to, with the role there. */
  organisations: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.object({ key: z.string(), name: z.string() }) })),
  /** CASL's packed rules (`packRules`): the client decides what to show with the same rules the server enforces. */
  rules: z.array(z.array(z.unknown())),
  csrfToken: z.string(),
  /** Set while the session is handed over to the person of a case. */
  personView: z.object({ caseId: z.string() }).nullable(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;
/** `POST /api/auth/login`: the session and its bearer token. */
export const SignedInSchema = SessionViewSchema.extend({ token: z.string() });

/** `GET /api/auth/oidc`: the organisations that sign in through their own provider. */
export const OidcOrganisationsSchema = z.array(z.object({ slug: z.string(), name: z.string() }));

export const RolePresetsSchema = z.array(z.object({ key: z.string(), scope: z.enum(['organisation', 'subtree', 'platform']), rules: z.array(RoleRuleViewSchema) }));

export const RoleViewSchema = z.object({
  id: z.string(),
  /** The role's organisation, named (only where the list asked for every organisation's roles). */
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  version: z.number().int(),
  /** Null for a platform role. */
  orgId: z.string().nullable(),
  scope: z.enum(['organisation', 'subtree', 'platform']),
  key: z.string(),
  name: z.string(),
  /** The preset it started from. */
  preset: z.string().nullish(),
  rules: z.array(RoleRuleViewSchema),
});
export type RoleView = z.infer<typeof RoleViewSchema>;
export const RoleListSchema = z.array(RoleViewSchema);

export const UserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  memberships: z.array(z.object({ orgId: z.string(), roleId: z.string() })),
});
export type UserView = z.infer<typeof UserViewSchema>;
export const UserListSchema = z.array(UserViewSchema);
/** `POST /api/users`: the user, and without a password the single-use link for the person to set their own. */
export const CreatedUserSchema = UserViewSchema.extend({ invitation: z.object({ url: z.string(), expiresAt: IsoDateTime }).optional() });
export const RevokedSessionsSchema = z.object({ revoked: z.number().int().min(0) });

/** `GET /api/account-locks`: accounts locked after failed sign-ins, with when they open again. */
export const AccountLocksSchema = z.array(z.object({ userId: z.string(), lockedUntil: IsoDateTime }));
export const UnlockedSchema = z.object({ unlocked: z.boolean() });

export const OrganisationViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  country: z.string(),
  type: z.string(),
  parentId: z.string().nullable(),
  /** Jurisdiction parameters (`reflectionPeriod: "P30D"` …), referenced by name by workflows. */
  parameters: z.record(z.string(), z.unknown()),
  /** The provider of an organisation that signs in through its own (never its secret). */
  oidc: z.object({ issuer: z.string() }).nullable(),
});
export type OrganisationView = z.infer<typeof OrganisationViewSchema>;
export const OrganisationListSchema = z.array(OrganisationViewSchema);
