import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiStatus } from '../common/ApiStatus';
import { formatDate } from '../common/format';
import { useApi } from '../common/use-api';

interface SubmissionRecord {
  id: string;
  formPath: string;
  revision: number;
  data: Record<string, unknown>;
  /** Fields whose values the server withheld from this reader. */
  masked: string[];
  createdAt: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One submission as the reader may see it (`GET /api/submissions/:id`): withheld fields are named, never shown. */
export function SubmissionPage() {
  const { caseId = '', submissionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useApi<SubmissionRecord>(`/api/submissions/${encodeURIComponent(submissionId)}`);
  return (
    <section aria-labelledby="submission-title">
      <p>
        <Link to={`/cases/${caseId}`}>{t('common.back')}</Link>
      </p>
      <h1 id="submission-title" tabIndex={-1}>
        {t('submission.title', { form: data?.formPath ?? '' })}
      </h1>
      <ApiStatus loading={loading} error={error} />
      {data && (
        <>
          <p>{t('submission.meta', { revision: data.revision, date: formatDate(data.createdAt, i18n.language, true) })}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('submission.fields')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('submission.field')}</th>
                <th scope="col">{t('submission.value')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(data.data).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  <td>{show(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.masked.length > 0 && (
            <p>{t('submission.withheld', { count: data.masked.length, fields: data.masked.join(', ') })}</p>
          )}
        </>
      )}
    </section>
  );
}
