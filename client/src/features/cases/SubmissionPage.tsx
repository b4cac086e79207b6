import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiStatus } from '../common/ApiStatus';
import { formatDate } from '../common/format';
import { useApi } from '../common/use-api';
import type { FormDetail } from '../forms/form.types';
import { useSession } from '../session/session-context';
import { SubmissionAnswers } from './SubmissionAnswers';

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
  const translations = pinned.data?.translations[i18n.language] ?? {};
  const title = pinned.data ? translations[pinned.data.definition.title] || pinned.data.definition.title : (data?.formPath ?? '');
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
          <ApiStatus loading={mayReadForm && pinned.loading} />
          {!(mayReadForm && pinned.loading) && <SubmissionAnswers components={pinned.data?.definition.components} data={data.data} translations={translations} />}
          {data.masked.length > 0 && (
            <p>{t('submission.withheld', { count: data.masked.length, fields: data.masked.join(', ') })}</p>
          )}
        </>
      )}
    </section>
  );
}
