import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { MigrationResult } from '@contracts/cases/case-migration.types';
import type { Stage, WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { apiGet, apiSend, ApiError, type ProblemItem } from '../../api/http';
import { ApiStatus } from '../common/ApiStatus';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { useStageName } from '../cases/StageName';
import { MigrationResults } from './MigrationResults';
import { StageGraph } from './StageGraph';
import { StagePanel } from './StagePanel';

/** `GET /api/workflows/:id`: the organisation's workflow with its draft. */
interface WorkflowRecord {
  id: string;
  key: string;
  /** Draft revision: sent back with a save or publish, so that a concurrent change is refused, not lost. */
  revision: number;
  /** Newest published version (0: never published). */
  latestVersion: number;
  upstream?: { source: string; id: string; version: number } | null;
  definition: WorkflowDefinition;
}

interface Change {
  subject: string;
  change: string;
  path: string;
}

/** `GET /api/workflows/:id/diff`. */
interface UpstreamDiff {
  upstream: { id: string; version: number; newestVersion: number };
  asCloned: Change[];
  toNewest: Change[];
  upstreamChanges: Change[];
}

/**
 * A municipality's workflow: the graph (React Flow, laid out by dagre), a side panel per stage, validation problems on
 * the graph, the difference to upstream, publish, and case migration with a dry run:
 * `GET/PUT /api/workflows/:id {definition, revision}`, `GET /api/workflows/:id/diff`,
 * `POST /api/workflows/:id/publish {revision}`, `POST /api/workflows/:id/migrate {toVersion, dryRun}`.
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
  const [migration, setMigration] = useState<MigrationResult>();
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setDefinition(data?.definition);
    setDirty(false);
  }, [data]);
  const edit = (next: WorkflowDefinition) => {
    setDefinition(next);
    setDirty(true);
  };
  /** Saves the draft when it changed; answers the draft revision to publish. */
  const saveDraft = async (): Promise<number> => {
    if (!dirty || !data) return data?.revision ?? 0;
    const saved = await apiSend<WorkflowRecord>('PUT', base, { definition, revision: data.revision });
    return saved.revision;
  };
  const stageName = useStageName(definition?.id);

  const invalid = new Set(problems.map((problem) => problem.path.replace(/^\/?(definition\/)?stages\//, '').split('/')[0]!));
  const fail = (failure: unknown) => {
    if (failure instanceof ApiError) {
      setProblems(failure.problem.problems ?? []);
      setStatus(failure.problem.detail || failure.problem.title);
    } else setStatus(String(failure));
  };
  const run = (action: () => Promise<unknown>, done: string | ((body: unknown) => string)) =>
    action().then(
      (body) => {
        setProblems([]);
        setStatus(typeof done === 'string' ? done : done(body));
        reload();
      },
      fail,
    );
  /** Moves the cases on older versions to the newest (or the given) version; a dry run only says which can move. */
  const migrate = (dryRun: boolean, toVersion = data?.latestVersion ?? 0) =>
    apiSend<MigrationResult>('POST', `${base}/migrate`, { toVersion, dryRun }).then((result) => {
      setProblems([]);
      setMigration(result);
    }, fail);

  return (
    <section aria-labelledby="workflow-edit-title">
      <PageHeading
        id="workflow-edit-title"
        actions={
          definition && (
            <>
              <button type="button" disabled={!dirty} onClick={() => void run(saveDraft, t('workflowEditor.saved'))}>
                {t('common.save')}
              </button>
              {data?.upstream && (
                <button type="button" onClick={() => apiGet<UpstreamDiff>(`${base}/diff`).then((body) => setDiff(body.asCloned), fail)}>
                  {t('workflowEditor.diffUpstream')}
                </button>
              )}
              {(data?.latestVersion ?? 0) > 0 && (
                <button type="button" onClick={() => void migrate(true)}>
                  {t('workflowEditor.migrateDryRun')}
                </button>
              )}
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void run(
                    async () => apiSend<{ version: number }>('POST', `${base}/publish`, { revision: await saveDraft() }),
                    (body) => t('workflowEditor.published', { version: (body as { version: number }).version }),
                  )
                }
              >
                {t('forms.publish')}
              </button>
            </>
          )
        }
      >
        {definition ? t('workflowEditor.title', { id: definition.id, version: definition.version }) : t('workflows.title')}
      </PageHeading>
      {data && (
        <p>
          {data.latestVersion > 0
            ? t('workflows.publishedVersion', { version: data.latestVersion, revision: data.revision })
            : t('workflows.draftOnly', { revision: data.revision })}
          {dirty && <> · {t('workflowEditor.unsaved')}</>}
        </p>
      )}
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
              onChange={(stage: Stage) => edit({ ...definition, stages: { ...definition.stages, [selected]: stage } })}
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
                <span className="status-tag">{t(`diff.${change.change}`, { defaultValue: change.change })}</span> {change.subject} <code>{change.path}</code>
              </li>
            ))}
            {diff.length === 0 && <li>{t('diff.none')}</li>}
          </ul>
        </section>
      )}
      {migration && <MigrationResults result={migration} stageName={stageName} onMigrate={() => void migrate(false, migration.toVersion)} />}
    </section>
  );
}
