import { grantExceedsHolder, unknownRole } from './access.errors';
import { grantsBeyondHolder, SELF, type CandidateRule } from './grant-check';
import { effectiveRules, organisationFrame, type RoleGrant } from './role-rules';
import type { ServiceContext } from './service-context';

/**
 * Refuses, with a 403 naming each offending rule by its path, a role that would give more than the acting user
 * holds: when it is created, when its rules or scope change, and when it is assigned to a user.
 * `pathPrefix` places the paths in the request (`rules` for a role's own rules, `role.rules` when assigning).
 */
export async function ensureGrantable(ctx: ServiceContext, role: RoleGrant, pathPrefix = 'rules'): Promise<void> {
  const sameOrganisation = !role.orgId || role.orgId.equals(ctx.auth.org._id);
  const frame = sameOrganisation ? ctx.auth.frame : await organisationFrame(ctx.db, role.orgId!);
  if (!frame) throw unknownRole();
  const candidates: CandidateRule[] = role.rules.flatMap((rule, index) =>
    effectiveRules({ ...role, rules: [rule] }, frame, SELF).map((effective) => ({ path: `${pathPrefix}[${index}]`, rule: effective })),
  );
  const problems = grantsBeyondHolder(ctx.auth.grantRules, candidates);
  if (problems.length > 0) {
    throw grantExceedsHolder(problems);
  }
}
