import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiStatus, formatDate, useApi } from '../common';
import { walkComponents } from '@contracts/forms/component-walker';
import type { FormDetail } from '../forms';
import { useSession } from '../session';
import { SubmissionAnswers } from './SubmissionAnswers';

/** A field's question in the UI language, found anywhere in the form; its key only if the form does not have it. */
function labelOf(components: unknown, key: string, translations: Record<string, string>): string {
  for (const { component } of walkComponents(components)) {
    if (component.key === key && typeof component.label === 'string' && component.label) return translations[component.label] || component.label;
  }
  return key;
}

/** `GET /api/submissions/:id/questions`: the pinned revision's questions and their translations for the UI language. */
interface Questions {
  title: string;
  components: FormDetail['definition']['components'];
  translations: Record<string, string>;
}

interface SubmissionRecord {
  id: string;
  formId: string;
  formPath: string;
  revision: number;
  data: Record<string, unknown>;
  /** Fields whose values the server withheld from this reader. */
  masked: string[];
  createdAt: string;
}

/**
 * One submission as the reader may see it (`GET /api/submissions/:id`), shown against the form revision it was
 * validated against (`GET /api/forms/:formId/revisions/:n`), in the UI language; withheld fields are named, never
 * shown.
 */
export function SubmissionPage() {
  const { caseId = '', submissionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useApi<SubmissionRecord>(`/api/submissions/${encodeURIComponent(submissionId)}`);
  const { ability } = useSession();
  // Readers without access to the form's design (the police liaison) see the answers by their keys.
  const mayReadForm = Boolean(data?.formId) && ability.can('read', 'Form');
  const pinned = useApi<FormDetail>(data && mayReadForm ? `/api/forms/${encodeURIComponent(data.formId)}/revisions/${data.revision}` : null);
  // Others get the questions alone (labels and options of the pinned revision), so they read words, not keys.
  const questions = useApi<Questions>(data && !mayReadForm ? `/api/submissions/${encodeURIComponent(submissionId)}/questions` : null);
  const definition = pinned.data?.definition ?? questions.data;
  const translations = pinned.data?.translations[i18n.language] ?? questions.data?.translations ?? {};
  const title = definition ? translations[definition.title] || definition.title : '';
  return (
    <section aria-labelledby="submission-title">
      <p>
        <Link to={`/cases/${caseId}`}>{t('common.back')}</Link>
      </p>
      <h1 id="submission-title" tabIndex={-1}>
        {t('submission.title', { form: title })}
      </h1>
      <ApiStatus loading={loading} error={error} />
      {data && (
        <>
          <p>{t('submission.meta', { revision: data.revision, date: formatDate(data.createdAt, i18n.language, true) })}</p>
          <ApiStatus loading={pinned.loading || questions.loading} />
          {!(pinned.loading || questions.loading) && <SubmissionAnswers components={definition?.components} data={data.data} translations={translations} />}
          {data.masked.length > 0 && (
            <p>{t('submission.withheld', { count: data.masked.length, fields: data.masked.map((key) => labelOf(definition?.components, key, translations)).join(', ') })}</p>
          )}
        </>
      )}
    </section>
  );
}
