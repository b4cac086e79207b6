import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiGet, apiSend, ApiError, type FormioDetail } from '../../api/http';
import { formatDate, ApiStatus, useApi, ErrorMessage } from '../common';
import { LazyFormRenderer, type RenderedForm } from '../formio';
import { useSession } from '../session';
import { FormReadAloud } from '../speech';
import type { CaseDetail } from '@contracts/cases/case-view.types';

/** `GET /formio/:org/:path`: the organisation's published revision of the form, in Form.io's shape. */
interface FormioForm extends RenderedForm {
  _id: string;
  path: string;
  /** The revision number the submission will be pinned to. */
  _vid: number;
}

/** `GET /api/forms/:id`: the same published revision with its translations (language → English text → text). */
interface NativeForm {
  id: string;
  tags: string[];
  properties: Record<string, unknown>;
  revision: { number: number };
  translations: Record<string, Record<string, string>>;
}

/** The form's title as translated for the UI language (a form's title is among its translatable strings). */
const titleIn = (title: string, translations: Record<string, string> | undefined) => translations?.[title] || title;

/** Forms written for the person (the consent and information form): their paragraphs and questions can be played. */
const isPersonFacing = (form: NativeForm) => form.properties?.audience === 'person' || form.tags.includes('read-aloud');

/** The person's languages as the case profile gives them, preferred first (the languages they speak where none are set for texts). */
function personLanguagesOf(record: CaseDetail | undefined): string[] {
  const identity = record?.identity as { personLanguages?: string[]; languages?: string[] } | undefined;
  return identity?.personLanguages?.length ? identity.personLanguages : (identity?.languages ?? []);
}

/**
 * Fills in a form for a case through the Form.io-compatible API: the published revision from
 * `GET /formio/:org/:path`, its translations from the native API, and `POST /formio/:org/:path/submission` with
 * `{ data, caseId }`; the server pins the submission to that revision and tells the case's workflow.
 */
export function CaseFormPage() {
  const { caseId = '', '*': formPath = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const org = session?.org.slug ?? '';
  const base = `/formio/${encodeURIComponent(org)}/${encodeURIComponent(formPath)}`;
  const formio = useApi<FormioForm>(org ? base : null);
  const native = useApi<NativeForm>(formio.data ? `/api/forms/${encodeURIComponent(formio.data._id)}` : null);
  const caseRecord = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`);
  const [message, setMessage] = useState<string>();
  const form = formio.data;
  // A draft this person saved earlier for this case and form (only they can read it), restored into the form.
  const draftUrl = `/api/cases/${encodeURIComponent(caseId)}/drafts/${encodeURIComponent(formPath)}`;
  const [draft, setDraft] = useState<{ data: Record<string, unknown>; updatedAt: string } | null>();
  const [draftNote, setDraftNote] = useState<string>();
  const answers = useRef<Record<string, unknown>>({});
  useEffect(() => {
    let live = true;
    // 204 (no draft) arrives as undefined.
    apiGet<{ data: Record<string, unknown>; updatedAt: string } | undefined>(draftUrl).then(
      (found) => live && setDraft(found ?? null),
      () => live && setDraft(null),
    );
    return () => {
      live = false;
    };
  }, [draftUrl]);
  const ready = form && (native.data || native.error) && draft !== undefined;
  // One object for the life of the page: the renderer resets its answers whenever this changes.
  const initial = useMemo(() => (draft ? { data: draft.data } : undefined), [draft]);

  async function saveDraft() {
    setDraftNote(undefined);
    try {
      const saved = await apiSend<{ updatedAt: string }>('PUT', draftUrl, { data: answers.current });
      setDraftNote(t('caseForm.draftSaved', { date: formatDate(saved.updatedAt, i18n.language, true) }));
    } catch (failure) {
      setDraftNote(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  /** Answers the server's field errors (shown by the renderer next to their fields), or nothing when saved. */
  async function submit(data: Record<string, unknown>): Promise<FormioDetail[] | undefined> {
    setMessage(undefined);
    try {
      await apiSend('POST', `${base}/submission`, { data, caseId });
      // The draft has become a submission.
      if (draft) await apiSend('DELETE', draftUrl).catch(() => undefined);
      return undefined;
    } catch (failure) {
      if (failure instanceof ApiError && failure.problem.details?.length) {
        setMessage(t('caseForm.fixErrors', { count: failure.problem.details.length }));
        return failure.problem.details;
      }
      const text = failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure);
      setMessage(text);
      return [{ message: text, path: [] }];
    }
  }

  return (
    <section aria-labelledby="case-form-title">
      <p>
        <Link to={`/cases/${caseId}`}>{t('common.back')}</Link>
      </p>
      <h1 id="case-form-title" tabIndex={-1}>
        {titleIn(form?.title ?? formPath, native.data?.translations[i18n.language])}
      </h1>
      <ApiStatus loading={formio.loading || native.loading} error={formio.error} />
      <ErrorMessage>{message}</ErrorMessage>
      {draft && <p role="status">{t('caseForm.draftRestored', { date: formatDate(draft.updatedAt, i18n.language, true) })}</p>}
      {ready && (
        <p className="draft-actions">
          <button type="button" onClick={() => void saveDraft()}>
            {t('caseForm.saveDraft')}
          </button>{' '}
          {draftNote && <span role="status">{draftNote}</span>}
        </p>
      )}
      {ready && native.data && isPersonFacing(native.data) && (caseRecord.data || caseRecord.error) && (
        <FormReadAloud
          formId={native.data.id}
          revision={native.data.revision.number}
          components={form.components}
          translations={native.data.translations}
          personLanguages={personLanguagesOf(caseRecord.data)}
        />
      )}
      {ready && (
        <LazyFormRenderer
          submission={initial}
          onDataChange={(data) => {
            answers.current = data;
          }}
          form={form}
          org={org}
          language={i18n.language}
          translations={native.data?.translations}
          // The server judges due dates by the day the case was opened in UTC (submission-case.port.ts); so does the picker.
          caseOpenedOn={caseRecord.data?.createdAt?.slice(0, 10)}
          onServerSubmit={submit}
          onSubmit={() => void navigate(`/cases/${caseId}`, { state: { message: t('caseForm.saved') } })}
        />
      )}
    </section>
  );
}
