import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { apiSend, ApiError, itemsOf } from '../../api/http';
import { ApiStatus } from '../common/ApiStatus';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { useSession } from '../session/session-context';

interface WorkflowSummary {
  id: string;
  definitionId?: string;
  titleKey?: string;
  version?: number;
  status?: string;
  upstream?: { id: string; version: number };
}

/** The organisation's workflows and the template library (`GET /api/workflows`, `GET /api/workflows/templates`). */
export function WorkflowsPage() {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const { ability } = useSession();
  const navigate = useNavigate();
  const list = useApi<WorkflowSummary[] | { items: WorkflowSummary[] }>('/api/workflows');
  const templates = useApi<WorkflowSummary[] | { items: WorkflowSummary[] }>('/api/workflows/templates');
  const [error, setError] = useState<string>();
  const title = (item: WorkflowSummary) => tw(`${item.definitionId ?? item.id}.title`, { defaultValue: item.definitionId ?? item.id });

  async function clone(template: WorkflowSummary) {
    try {
      const created = await apiSend<WorkflowSummary>('POST', `/api/workflows/templates/${encodeURIComponent(template.id)}/clone`, {});
      void navigate(`/workflows/${created.id}`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  return (
    <section aria-labelledby="workflows-title">
      <PageHeading id="workflows-title">{t('workflows.title')}</PageHeading>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h2>{t('workflows.mine')}</h2>
      <ApiStatus loading={list.loading} error={list.error} />
      <ul className="card-list">
        {itemsOf(list.data).map((item) => (
          <li key={item.id} className="card">
            <h3>
              <Link to={`/workflows/${item.id}`}>{title(item)}</Link>
            </h3>
            <p>{t('workflows.versionStatus', { version: item.version ?? '—', status: item.status ?? '—' })}</p>
          </li>
        ))}
      </ul>
      <h2>{t('workflows.templates')}</h2>
      <ApiStatus loading={templates.loading} error={templates.error} />
      <ul className="card-list">
        {itemsOf(templates.data).map((template) => (
          <li key={template.id} className="card">
            <h3>{title(template)}</h3>
            {ability.can('clone', 'WorkflowTemplate') && (
              <button type="button" onClick={() => void clone(template)}>
                {t('workflows.clone', { title: title(template) })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
