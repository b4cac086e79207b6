import { isPersonLanguage } from '../../../contracts/person/person-languages';
import { permittedFields, auditActor, type ServiceContext } from '../../access';
import { recordAudit } from '../../audit';
import { renderPdf } from '../../export';
import { getForm } from '../../forms';
import { ANY_FORM, getSubmission } from '../../submissions';
import { ensureCaseAction, readableCase } from './case-access';
import { latestPersonSubmissions, personLanguagesOf } from './case-person-view.service';
import type { CaseRuntime } from './case-runtime';
import { consentSheetDocument } from './consent-sheet-document';

const CONSENT_FORM = 'consent-information';

export interface ConsentSheetPdf {
  filename: string;
  body: Buffer;
}

/**
 * The consent and information sheet of a case as a PDF in the person's language: `language` when asked for, else the
 * first of the case profile's languages, else the reader's own. The case is found as `GET /cases/:id` finds it, the
 * role needs `export` on it (a printed sheet leaves the system's access control), and the answers are the latest
 * consent submission of the case as the permission layer lets this reader see it. Without one, the sheet is the blank
 * form to fill in by hand. Audited as an export (reading the submission audits its sensitive fields).
 */
export async function caseConsentSheetPdf(
  rt: CaseRuntime,
  ctx: ServiceContext,
  id: string,
  language: string | undefined,
  readerLanguage: string,
): Promise<ConsentSheetPdf> {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'export');
  const fields = new Set(permittedFields(ctx.auth.ability, 'read', 'Case', record));
  const chosen = language ?? personLanguagesOf(ctx, record)[0] ?? (isPersonLanguage(readerLanguage) ? readerLanguage : 'en');

  const submissionId = latestPersonSubmissions(ctx, record)[CONSENT_FORM];
  const submission = submissionId ? await getSubmission(ctx, ANY_FORM, submissionId) : null;
  // The texts of the revision the answers were given on; a blank sheet is the form as it is now.
  const { revision } = submission ? await getForm(ctx, { id: submission.formId.toHexString() }, submission.revision) : await getForm(ctx, { path: CONSENT_FORM });
  const now = rt.clock.now();
  const reference = fields.has('reference') ? record.reference : undefined;
  const model = consentSheetDocument(
    {
      form: { title: revision.definition.title, components: revision.definition.components, translations: revision.translations },
      answers: submission?.data ?? null,
      ...(reference ? { reference } : {}),
    },
    chosen,
    now,
  );
  const body = await renderPdf(model, now);
  await recordAudit(ctx.db, auditActor(ctx), { action: 'export', subjectType: 'Case', subjectId: id });
  return { filename: `consent-${(reference ?? id).replace(/[^A-Za-z0-9._-]/g, '_')}-${chosen}.pdf`, body };
}
