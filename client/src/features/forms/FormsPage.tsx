import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { apiSend, ApiError, itemsOf } from '../../api/http';
import { ApiStatus, PageHeading, useApi, ErrorMessage } from '../common';
import { ExportCsvButton } from '../export';
import { useSession } from '../session';
import type { FormSummary, FormTemplateSummary } from './form.types';

/** The organisation's forms and the platform's template library (`GET /api/forms`, `GET /api/forms/templates`). */
export function FormsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forms = useApi<{ items: FormSummary[] }>('/api/forms');
  const templates = useApi<{ items: FormTemplateSummary[] }>('/api/form-templates');
  const [error, setError] = useState<string>();
  const [paths, setPaths] = useState<Record<string, string>>({});
  const rows = itemsOf(forms.data);
  const taken = new Set(rows.map((form) => form.path));
  /** The path the clone gets: the template's own, or a free variant when the organisation already has that path. */
  const suggested = (template: FormTemplateSummary) => {
    if (!taken.has(template.path)) return template.path;
    let n = 2;
    while (taken.has(`${template.path}-${n}`)) n += 1;
    return `${template.path}-${n}`;
  };

  async function clone(template: FormTemplateSummary) {
    try {
      const path = (paths[template.path] ?? suggested(template)).trim();
      const created = await apiSend<FormSummary>('POST', `/api/form-templates/${encodeURIComponent(template.path)}/clone`, { path });
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
              { key: 'latestRevision', label: t('forms.revision') },
              { key: 'publishedRevision', label: t('forms.published') },
            ]}
          />
        }
      >
        {t('forms.title')}
      </PageHeading>
      <ErrorMessage>{error}</ErrorMessage>
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
                <td>{form.latestRevision}</td>
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
              <form
                className="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void clone(template);
                }}
              >
                <div className="field">
                  <label htmlFor={`clone-path-${template.path}`}>{t('forms.clonePath', { title: template.title })}</label>
                  <input
                    id={`clone-path-${template.path}`}
                    value={paths[template.path] ?? suggested(template)}
                    pattern="[a-z0-9][a-z0-9\-]*"
                    onChange={(event) => setPaths({ ...paths, [template.path]: event.target.value })}
                  />
                </div>
                <button type="submit">{t('forms.clone', { title: template.title })}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
