import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { apiGet, apiSend, ApiError, type ProblemItem } from '../../api/http';
import { ApiStatus } from '../common/ApiStatus';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { useStageName } from '../cases/StageName';
import { StageGraph } from './StageGraph';
import { StagePanel } from './StagePanel';
import type { Stage, WorkflowDefinition } from './workflow.types';

interface WorkflowRecord {
  id: string;
  definition: WorkflowDefinition;
  status?: string;
  version?: number;
}

interface Change {
  subject: string;
  change: string;
  path: string;
}

/**
 * A municipality's workflow: the graph (plain SVG, layered layout), a side panel per stage, validation problems on
 * the graph, the difference to upstream, publish, and case migration with a dry run. Expected API (not built yet):
 * `GET/PUT /api/workflows/:id`, `GET /api/workflows/:id/upstream-diff`, `POST /api/workflows/:id/publish`,
 * `POST /api/workflows/:id/migrate {dryRun}`.
 */
export function WorkflowEditorPage() {
  const { workflowId = '' } = useParams();
  const { t } = useTranslation();
  const base = `/api/workflows/${encodeURIComponent(workflowId)}`;
  const { data, error, loading, reload } = useApi<WorkflowRecord>(base);
  const [definition, setDefinition] = useState<WorkflowDefinition>();
  const [selected, setSelected] = useState<string>();
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [status, setStatus] = useState<string>();
  const [diff, setDiff] = useState<Change[]>();
  const [migration, setMigration] = useState<unknown>();
  useEffect(() => setDefinition(data?.definition), [data]);
  const stageName = useStageName(definition?.id);

  const invalid = new Set(problems.map((problem) => problem.path.replace(/^\/?(definition\/)?stages\//, '').split('/')[0]!));
  const fail = (failure: unknown) => {
    if (failure instanceof ApiError) {
      setProblems(failure.problem.problems ?? []);
      setStatus(failure.problem.detail || failure.problem.title);
    } else setStatus(String(failure));
  };
  const run = (action: () => Promise<unknown>, done: string) =>
    action().then(
      () => {
        setProblems([]);
        setStatus(done);
        reload();
      },
      fail,
    );

  return (
    <section aria-labelledby="workflow-edit-title">
      <PageHeading
        id="workflow-edit-title"
        actions={
          definition && (
            <>
              <button type="button" onClick={() => void run(() => apiSend('PUT', base, { definition, version: data?.version }), t('forms.saved'))}>
                {t('common.save')}
              </button>
              <button type="button" onClick={() => apiGet<Change[] | { changes: Change[] }>(`${base}/upstream-diff`).then((body) => setDiff(Array.isArray(body) ? body : body.changes), fail)}>
                {t('workflowEditor.diffUpstream')}
              </button>
              <button type="button" onClick={() => apiSend('POST', `${base}/migrate`, { dryRun: true }).then(setMigration, fail)}>
                {t('workflowEditor.migrateDryRun')}
              </button>
              <button type="button" className="primary" onClick={() => void run(() => apiSend('POST', `${base}/publish`, {}), t('forms.publishedNow'))}>
                {t('forms.publish')}
              </button>
            </>
          )
        }
      >
        {definition ? t('workflowEditor.title', { id: definition.id, version: definition.version }) : t('workflows.title')}
      </PageHeading>
      <ApiStatus loading={loading} error={error} />
      {status && <p role="status">{status}</p>}
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>{t('workflowEditor.problemCount', { count: problems.length })}</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.path}-${problem.code}`}>
                <code>{problem.path}</code> {problem.message ?? problem.code}
              </li>
            ))}
          </ul>
        </div>
      )}
      {definition && (
        <div className="editor-layout">
          <StageGraph
            stages={definition.stages}
            initial={definition.initial}
            label={stageName}
            invalid={invalid}
            selected={selected}
            onSelect={setSelected}
            title={t('workflowEditor.graph')}
          />
          {selected && definition.stages[selected] && (
            <StagePanel
              stageId={selected}
              stage={definition.stages[selected]}
              problems={problems.filter((problem) => problem.path.includes(`stages/${selected}`))}
              onChange={(stage: Stage) => setDefinition({ ...definition, stages: { ...definition.stages, [selected]: stage } })}
            />
          )}
        </div>
      )}
      {diff && (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">{t('workflowEditor.diffUpstream')}</h2>
          <ul className="diff">
            {diff.map((change) => (
              <li key={`${change.path}-${change.change}`} className={change.change}>
                <span className="badge">{t(`diff.${change.change}`, { defaultValue: change.change })}</span> {change.subject} <code>{change.path}</code>
              </li>
            ))}
            {diff.length === 0 && <li>{t('diff.none')}</li>}
          </ul>
        </section>
      )}
      {migration !== undefined && (
        <section aria-labelledby="migration-title">
          <h2 id="migration-title">{t('workflowEditor.migrateDryRun')}</h2>
          <pre className="json">{JSON.stringify(migration, null, 2)}</pre>
          <button type="button" onClick={() => apiSend('POST', `${base}/migrate`, { dryRun: false }).then(setMigration, fail)}>
            {t('workflowEditor.migrateNow')}
          </button>
        </section>
      )}
    </section>
  );
}
