import type { AuthContext } from '../access';
import type { Form } from '../forms';
import type { ParsedRevision } from '../forms';
import type { SubmissionView } from '../submissions';
import { applyTranslations } from '../forms';

/**
 * A form in Form.io's shape. `revisions: 'original'` is Form.io's setting for submissions that stay with the revision
 * they were made against (as ours are pinned); with it the SDK loads `/v/:revision` for a versioned URL.
 * `lang` applies that language's translations (untranslated texts stay as written), like the native API's `?lang=`.
 */
export function formioForm(form: Form, revision: ParsedRevision, orgSlug: string, lang?: string) {
  // The SDK cannot pass `i18n` to the renderer from the URL, so `?lang=` answers the texts already translated.
  const definition = lang ? applyTranslations(revision.definition, revision.translations[lang]) : revision.definition;
  return {
    _id: form._id,
    title: definition.title,
    name: definition.name,
    path: definition.path,
    type: 'form',
    display: definition.display,
    tags: definition.tags,
    properties: definition.properties,
    settings: definition.settings,
    components: definition.components,
    machineName: `${orgSlug}:${definition.name}`,
    project: form.orgId,
    owner: form.createdBy,
    access: [],
    submissionAccess: [],
    revisions: 'original',
    _vid: revision.number,
    version: form.version,
    created: form.createdAt,
    modified: form.updatedAt,
  };
}

/** A submission in Form.io's shape; `masked` lists fields whose values were withheld from this reader. */
export function formioSubmission(view: SubmissionView) {
  return {
    _id: view._id,
    form: view.formId,
    project: view.orgId,
    owner: view.createdBy,
    data: view.data,
    state: 'submitted',
    metadata: { caseId: view.caseId, formPath: view.formPath, masked: view.masked },
    _fvid: view.revision,
    version: view.version,
    created: view.createdAt,
    modified: view.updatedAt,
  };
}

/** `GET /current`: the signed-in user as Form.io's SDK expects a user resource. */
export function formioUser(auth: AuthContext) {
  return {
    _id: auth.user._id,
    data: { email: auth.user.email, name: auth.user.name },
    roles: [auth.role._id],
    project: auth.org._id,
    org: auth.org.slug,
  };
}

// Form.io's paging header: "0-9/42", or "*/0" when the page is empty (the SDK parses exactly this form).
export function contentRange(skip: number, count: number, total: number): string {
  return count > 0 ? `${skip}-${skip + count - 1}/${total}` : `*/${total}`;
}
