import type { PersonViewCase } from '../../../contracts/person/person-view.types';
import { PERSON_VIEW_FORMS } from '../../../contracts/person/person-view.types';
import { lockSessionToPersonView, permittedFields, auditActor, type ServiceContext } from '../../access';
import { recordAudit } from '../../audit';
import type { CaseRecord } from '../storage/case.model';
import { readableCase } from './case-access';

/** The person's languages from the case profile, preferred first; none where this reader may not read `identity`. */
export function personLanguagesOf(ctx: ServiceContext, record: CaseRecord): string[] {
  const fields = new Set(permittedFields(ctx.auth.ability, 'read', 'Case', record));
  const identity = fields.has('identity') ? (record.identity as { personLanguages?: unknown }) : {};
  return Array.isArray(identity.personLanguages) ? identity.personLanguages.filter((code): code is string => typeof code === 'string') : [];
}

/** The latest submission of each person-facing form of the case, by form path; none where `workflow` is not readable. */
export function latestPersonSubmissions(ctx: ServiceContext, record: CaseRecord): Record<string, string> {
  const latestSubmissions: Record<string, string> = {};
  const latestAt: Record<string, number> = {};
  if (permittedFields(ctx.auth.ability, 'read', 'Case', record).includes('workflow')) {
    for (const ref of record.workflow.submissions ?? []) {
      const at = (ref.submittedAt ?? ref.at).getTime();
      if ((PERSON_VIEW_FORMS as readonly string[]).includes(ref.formPath) && !(latestAt[ref.formPath]! > at)) {
        latestSubmissions[ref.formPath] = ref.submissionId;
        latestAt[ref.formPath] = at;
      }
    }
  }
  return latestSubmissions;
}

/**
 * The little of a case the person view shows (issue 18): the person's languages, the jurisdiction of the rights
 * sheet and which consent and safety-plan submissions are the latest. Only what this reader may read: the languages
 * live in `identity`, the submissions in `workflow`.
 */
function personViewOf(ctx: ServiceContext, record: CaseRecord): PersonViewCase {
  return {
    caseId: String(record._id),
    personLanguages: personLanguagesOf(ctx, record),
    jurisdiction: record.workflow.jurisdiction,
    latestSubmissions: latestPersonSubmissions(ctx, record),
  };
}

export async function getPersonView(ctx: ServiceContext, id: string): Promise<PersonViewCase> {
  return personViewOf(ctx, await readableCase(ctx, id));
}

/**
 * Hands this session over to the person of the case: from now on the API answers only the person view until the
 * caseworker's password ends it. The case must be readable by the caseworker (else the same 404 as a missing case).
 */
export async function startPersonView(ctx: ServiceContext, id: string): Promise<PersonViewCase> {
  const record = await readableCase(ctx, id);
  await lockSessionToPersonView(ctx.db, ctx.auth.session._id, String(record._id));
  await recordAudit(ctx.db, auditActor(ctx), { action: 'person-view-start', subjectType: 'Case', subjectId: String(record._id) });
  return personViewOf(ctx, record);
}
