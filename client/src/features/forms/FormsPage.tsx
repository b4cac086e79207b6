import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { apiSend, ApiError, itemsOf } from '../../api/http';
import { ApiStatus } from '../common/ApiStatus';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { ExportCsvButton } from '../export/ExportCsvButton';
import { useSession } from '../session/session-context';
import type { FormSummary } from './form.types';

/** The organisation's forms and the platform's template library (`GET /api/forms`, `GET /api/forms/templates`). */
export function FormsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forms = useApi<FormSummary[] | { items: FormSummary[] }>('/api/forms');
  const templates = useApi<FormSummary[] | { items: FormSummary[] }>('/api/form-templates');
  const [error, setError] = useState<string>();
  const rows = itemsOf(forms.data);

  async function clone(template: FormSummary) {
    try {
      const created = await apiSend<FormSummary>('POST', `/api/form-templates/${encodeURIComponent(template.path)}/clone`, {});
      void navigate(`/forms/${created.id}/build`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  return (
    <section aria-labelledby="forms-title">
      <PageHeading
        id="forms-title"
        actions={
          <ExportCsvButton
            filename="forms.csv"
            rows={rows as unknown as Array<Record<string, unknown>>}
            columns={[
              { key: 'title', label: t('forms.formTitle') },
              { key: 'path', label: t('forms.path') },
              { key: 'revision', label: t('forms.revision') },
              { key: 'publishedRevision', label: t('forms.published') },
            ]}
          />
        }
      >
        {t('forms.title')}
      </PageHeading>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h2>{t('forms.mine')}</h2>
      <ApiStatus loading={forms.loading} error={forms.error} />
      {rows.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forms.formTitle')}</th>
              <th scope="col">{t('forms.path')}</th>
              <th scope="col">{t('forms.revision')}</th>
              <th scope="col">{t('forms.published')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((form) => (
              <tr key={form.id}>
                <td>
                  <Link to={`/forms/${form.id}/build`}>{form.title}</Link>
                </td>
                <td>{form.path}</td>
                <td>{form.revision ?? '—'}</td>
                <td>{form.publishedRevision ?? t('forms.notPublished')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !forms.loading && !forms.error && <p>{t('forms.none')}</p>
      )}
      <h2>{t('forms.templates')}</h2>
      <ApiStatus loading={templates.loading} error={templates.error} />
      <ul className="card-list">
        {itemsOf(templates.data).map((template) => (
          <li key={template.path} className="card">
            <h3>{template.title}</h3>
            <p>{template.path}</p>
            {ability.can('clone', 'FormTemplate') && (
              <button type="button" onClick={() => void clone(template)}>
                {t('forms.clone', { title: template.title })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
