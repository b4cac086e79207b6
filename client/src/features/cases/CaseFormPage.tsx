import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { apiSend, ApiError, type FormioDetail } from '../../api/http';
import { ApiStatus } from '../common/ApiStatus';
import { useApi } from '../common/use-api';
import { LazyFormRenderer } from '../formio/LazyFormio';
import type { RenderedForm } from '../formio/FormRenderer';
import { useSession } from '../session/session-context';

interface FormRecord extends RenderedForm {
  path: string;
  revision?: number | string;
  translations?: Record<string, Record<string, string>>;
}

/**
 * Fills in a form for a case against the revision the case needs, through the Form.io-compatible API
 * (`GET /formio/:org/:path?revision=` and `POST /formio/:org/:path/submission`; expected, not yet built).
 */
export function CaseFormPage() {
  const { caseId = '', '*': formPath = '' } = useParams();
  const [search] = useSearchParams();
  const revision = search.get('revision');
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const org = session?.org.slug ?? '';
  const base = `/formio/${encodeURIComponent(org)}/${formPath}`;
  const { data: form, error, loading } = useApi<FormRecord>(`${base}${revision ? `?revision=${encodeURIComponent(revision)}` : ''}`);
  const [serverErrors, setServerErrors] = useState<FormioDetail[]>();
  const [message, setMessage] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function submit(data: Record<string, unknown>) {
    setMessage(undefined);
    try {
      await apiSend('POST', `${base}/submission`, { data, metadata: { caseId, revision: form?.revision ?? revision } });
      setServerErrors(undefined);
      setSaved(true);
    } catch (failure) {
      if (failure instanceof ApiError) {
        setServerErrors(failure.problem.details ?? []);
        setMessage(failure.problem.detail || failure.problem.title);
      } else setMessage(String(failure));
    }
  }

  return (
    <section aria-labelledby="case-form-title">
      <p>
        <Link to={`/cases/${caseId}`}>{t('common.back')}</Link>
      </p>
      <h1 id="case-form-title">{form?.title ?? formPath}</h1>
      <ApiStatus loading={loading} error={error} />
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      {saved ? (
        <p role="status">{t('caseForm.saved')}</p>
      ) : (
        form && (
          <LazyFormRenderer
            form={form}
            org={org}
            language={i18n.language}
            translations={form.translations}
            serverErrors={serverErrors}
            onSubmit={(data) => void submit(data)}
          />
        )
      )}
    </section>
  );
}
