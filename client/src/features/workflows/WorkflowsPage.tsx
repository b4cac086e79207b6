import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { apiSend, ApiError, itemsOf } from '../../api/http';
import { ApiStatus, PageHeading, useApi, ErrorMessage } from '../common';
import { useSession } from '../session';

/** A row of `GET /api/workflows`: the organisation's workflow with its draft definition. */
interface WorkflowSummary {
  id: string;
  key: string;
  revision: number;
  latestVersion: number;
  upstream?: { source: 'template' | 'workflow'; id: string; version: number } | null;
  definition?: { id?: string };
}

/** A row of `GET /api/workflows/templates`. */
interface TemplateSummary {
  key: string;
  version: number;
  jurisdiction: string;
  usable: boolean;
}

/** The organisation's workflows and the template library (`GET /api/workflows`, `GET /api/workflows/templates`). */
export function WorkflowsPage() {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const { ability } = useSession();
  const navigate = useNavigate();
  const list = useApi<{ items: WorkflowSummary[] }>('/api/workflows');
  const templates = useApi<{ items: TemplateSummary[] }>('/api/workflows/templates');
  const [error, setError] = useState<string>();
  const title = (key: string) => tw(`${key}.title`, { defaultValue: key });

  async function clone(template: TemplateSummary) {
    try {
      const created = await apiSend<WorkflowSummary>('POST', '/api/workflows/clone', { source: 'template', id: template.key, version: template.version });
      void navigate(`/workflows/${created.id}`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  return (
    <section aria-labelledby="workflows-title">
      <PageHeading id="workflows-title">{t('workflows.title')}</PageHeading>
      <ErrorMessage>{error}</ErrorMessage>
      <h2>{t('workflows.mine')}</h2>
      <ApiStatus loading={list.loading} error={list.error} />
      <ul className="card-list">
        {itemsOf(list.data).map((item) => (
          <li key={item.id} className="card">
            <h3>
              <Link to={`/workflows/${item.id}`}>{title(item.upstream?.id ?? item.key)}</Link>
            </h3>
            <p>{item.key}</p>
            <p>
              {item.latestVersion > 0
                ? t('workflows.publishedVersion', { version: item.latestVersion, revision: item.revision })
                : t('workflows.draftOnly', { revision: item.revision })}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('workflows.templates')}</h2>
      <ApiStatus loading={templates.loading} error={templates.error} />
      <ul className="card-list">
        {itemsOf(templates.data).map((template) => (
          <li key={template.key} className="card">
            <h3>{title(template.key)}</h3>
            <p>{t('workflows.templateVersion', { version: template.version, jurisdiction: template.jurisdiction })}</p>
            {ability.can('clone', 'WorkflowTemplate') && template.usable && (
              <button type="button" onClick={() => void clone(template)}>
                {t('workflows.clone', { title: title(template.key) })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
