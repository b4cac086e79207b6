import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { MigrationResult } from '@contracts/cases/case-migration.types';
import type { Stage, WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { workflowSchemaProblems } from '@contracts/workflows/workflow-schema-problems';
import { apiGet, apiSend, ApiError, itemsOf } from '../../api/http';
import { ApiStatus, PageHeading, useApi } from '../common';
import { GivenStageNamesProvider, useStageName } from './StageName';
import type { FormSummary, FormTemplateSummary } from '../forms';
import { AddStageForm } from './AddStageForm';
import { FieldProblems, ProblemsProvider, useProblemText, type PlacedProblem } from './definition-problems';
import { DefinitionProvider, FormChoicesProvider, StageNamesEditProvider, type FormChoice } from './editor-context';
import { withStageName, withoutStageNames } from './stage-names';
import { MigrationResults } from './MigrationResults';
import { UpstreamDiffList, type UpstreamChange } from './UpstreamDiffList';
import { ProblemList, stageOfPointer } from './ProblemList';
import { addTopStage, newStage, removeTopStage } from './stage-edits';
import { StageGraph } from './StageGraph';
import { StagePanel } from './StagePanel';
import { FormBindings } from './FormBindings';
import { listStages } from '@contracts/workflows/stage-tree.util';

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


/** `GET /api/workflows/:id/diff`. */
interface UpstreamDiff {
  upstream: { id: string; version: number; newestVersion: number };
  asCloned: UpstreamChange[];
  toNewest: UpstreamChange[];
  upstreamChanges: UpstreamChange[];
}

/** Codes the contract's format check gives: the editor computes these itself as the administrator types. */
const FORMAT_CODES = new Set([
  'invalid-duration', 'invalid-identifier', 'invalid-event-name', 'invalid-target', 'invalid-form-path', 'invalid-option',
  'unknown-property', 'required', 'deadline-timing', 'invalid-stage-name',
]);

/**
 * A municipality's workflow: the graph (React Flow, laid out by dagre), a side panel per stage, validation problems on
 * the graph, the difference to upstream, publish, and case migration with a dry run:
 * `GET/PUT /api/workflows/:id {definition, revision}`, `GET /api/workflows/:id/diff`,
 * `POST /api/workflows/:id/publish {revision}`, `POST /api/workflows/:id/migrate {toVersion, dryRun}`.
 */
/** A save refused in the browser: a value breaks the workflow format, and its field says how. */
class RefusedLocally extends Error {}

/**
 * Focuses the field that edits the value at a pointer, or the nearest one that contains it. A nested step or
 * transition renders its fields only when open: its summary is opened and the search goes on once it has rendered.
 */
function focusPointer(pointer: string, rounds = 8) {
  for (let at = pointer; at; at = at.slice(0, at.lastIndexOf('/'))) {
    const field = document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(at)}"]`);
    if (!field) continue;
    const details = field.tagName === 'SUMMARY' ? (field.parentElement as HTMLDetailsElement) : null;
    if (details && at !== pointer && rounds > 0) {
      if (!details.open) details.open = true;
      requestAnimationFrame(() => focusPointer(pointer, rounds - 1));
      return;
    }
    field.scrollIntoView({ block: 'center' });
    field.focus();
    return;
  }
}

export function WorkflowEditorPage() {
  const { workflowId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const base = `/api/workflows/${encodeURIComponent(workflowId)}`;
  const { data, error, loading, reload } = useApi<WorkflowRecord>(base);
  const ownForms = useApi<{ items: FormSummary[] }>('/api/forms');
  const templateForms = useApi<{ items: FormTemplateSummary[] }>('/api/form-templates');
  const [definition, setDefinition] = useState<WorkflowDefinition>();
  const [selected, setSelected] = useState<string>();
  const [serverProblems, setServerProblems] = useState<PlacedProblem[]>([]);
  const [status, setStatus] = useState<string>();
  const [diff, setDiff] = useState<UpstreamChange[]>();
  const [migration, setMigration] = useState<MigrationResult>();
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setDefinition(data?.definition);
    setDirty(false);
  }, [data]);
  /** Every edit, with the names of stages it removed (a step or track deep inside, or a whole stage) let go too. */
  const edit = (next: WorkflowDefinition) => {
    setDefinition(withoutStageNames(next, listStages(next).map((entry) => entry.id)));
    setDirty(true);
  };
  // Format problems as the administrator types (the contract's check, as the server makes it on save), and what the
  // server's validation found at the last save or publish (forms, parameters, the graph), each placed at its field.
  const localProblems = useMemo(() => (definition ? workflowSchemaProblems(definition) : []), [definition]);
  const problems: PlacedProblem[] = [
    ...localProblems,
    ...serverProblems.filter((problem) => !FORMAT_CODES.has(problem.code) && !localProblems.some((local) => local.path === problem.path)),
  ];
  const wrongValues = localProblems.filter((problem) => problem.code !== 'required');
  const problemText = useProblemText();

  /** Saves the draft when it changed (a wrong value is refused before it is sent); answers the revision to publish. */
  const saveDraft = async (): Promise<number> => {
    if (!dirty || !data) return data?.revision ?? 0;
    if (wrongValues.length > 0) throw new RefusedLocally();
    const saved = await apiSend<WorkflowRecord>('PUT', base, { definition, revision: data.revision });
    return saved.revision;
  };
  // The forms a stage may require, by title: the organisation's own, then the library's it has not cloned.
  const formChoices = useMemo<FormChoice[]>(() => {
    const own = itemsOf(ownForms.data).map(({ path, title }) => ({ path, title }));
    const paths = new Set(own.map((form) => form.path));
    const library = itemsOf(templateForms.data).filter((form) => !paths.has(form.path)).map(({ path, title }) => ({ path, title }));
    return [...own, ...library].sort((a, b) => a.title.localeCompare(b.title, i18n.language));
  }, [ownForms.data, templateForms.data, i18n.language]);
  const stageNamesEdit = useMemo(
    () => ({
      names: definition?.stageNames ?? {},
      setName: (stageId: string, language: string, text: string) => {
        // After the stage itself was added in the same event: the name goes onto that definition, not an older one.
        setDefinition((current) => (current ? withStageName(current, stageId, language, text) : current));
        setDirty(true);
      },
    }),
    [definition?.stageNames],
  );
  const stageName = useStageName(definition?.id, definition?.stageNames);
  // The forms a binding may read: those the workflow's stages require, and those already bound.
  const formPaths = definition
    ? [...new Set([...listStages(definition).flatMap((entry) => ('requiredForms' in entry.stage ? (entry.stage.requiredForms ?? []) : [])), ...(definition.bindings ?? []).map((b) => b.form)])].sort()
    : [];

  const invalid = new Set(problems.map((problem) => stageOfPointer(problem.path)?.split('/')[0]).filter((id): id is string => Boolean(id)));
  const fail = (failure: unknown) => {
    if (failure instanceof RefusedLocally) {
      setStatus(t('workflowEditor.fixMarkedFields', { count: wrongValues.length }));
    } else if (failure instanceof ApiError) {
      setServerProblems((failure.problem.problems ?? []) as PlacedProblem[]);
      setStatus(failure.problem.detail || failure.problem.title);
    } else setStatus(String(failure));
  };
  /** After a save: what must still be fixed before publishing, placed at the fields (the draft is kept as it is). */
  const check = async () => {
    const result = await apiSend<{ problems: PlacedProblem[] }>('POST', `${base}/validate`);
    setServerProblems(result.problems);
    return result.problems;
  };
  const save = () =>
    saveDraft().then(
      async () => {
        const remaining = await check();
        setStatus(
          remaining.length > 0 ? `${t('workflowEditor.saved')} ${t('workflowEditor.problemCount', { count: remaining.length })}` : t('workflowEditor.saved'),
        );
        reload();
      },
      fail,
    );
  const publish = () =>
    saveDraft()
      .then((revision) => apiSend<{ version: number }>('POST', `${base}/publish`, { revision }))
      .then(
        (body) => {
          setServerProblems([]);
          setStatus(t('workflowEditor.published', { version: body.version }));
          reload();
        },
        (failure: unknown) => {
          fail(failure);
          // The draft may have been saved before publishing was refused: the page shows the stored revision.
          if (!(failure instanceof RefusedLocally)) reload();
        },
      );
  /** Moves the cases on older versions to the newest (or the given) version; a dry run only says which can move. */
  const migrate = (dryRun: boolean, toVersion = data?.latestVersion ?? 0) =>
    apiSend<MigrationResult>('POST', `${base}/migrate`, { toVersion, dryRun }).then((result) => {
      setMigration(result);
    }, fail);
  /** Leads from a problem in the list to its field: the stage is selected and the field (or the nearest) focused. */
  const showProblem = (problem: PlacedProblem) => {
    const stagePath = stageOfPointer(problem.path);
    if (stagePath) setSelected(stagePath.split('/')[0]);
    requestAnimationFrame(() => focusPointer(problem.path));
  };

  return (
    <section aria-labelledby="workflow-edit-title">
      <PageHeading
        id="workflow-edit-title"
        actions={
          definition && (
            <>
              <button type="button" disabled={!dirty} onClick={() => void save()}>
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
              <button type="button" className="primary" onClick={() => void publish()}>
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
      {definition && (
        <GivenStageNamesProvider value={definition.stageNames}>
        <StageNamesEditProvider value={stageNamesEdit}>
        <FormChoicesProvider value={formChoices}>
        <DefinitionProvider value={definition}>
          <ProblemsProvider value={problems}>
            <ProblemList problems={problems} text={problemText} onShow={showProblem} />
            <div className="editor-layout">
              <div className="editor-main">
                <StageGraph
                  stages={definition.stages}
                  initial={definition.initial}
                  label={stageName}
                  invalid={invalid}
                  selected={selected}
                  onSelect={setSelected}
                  title={t('workflowEditor.graph')}
                />
                <div className="field">
                  <label htmlFor="workflow-initial">{t('workflowEditor.initialStage')}</label>
                  <select
                    id="workflow-initial"
                    data-pointer="/initial"
                    value={definition.initial}
                    aria-invalid={problems.some((problem) => problem.path === '/initial') || undefined}
                    onChange={(event) => edit({ ...definition, initial: event.target.value })}
                  >
                    {!(definition.initial in definition.stages) && <option value={definition.initial}>{definition.initial}</option>}
                    {Object.keys(definition.stages).map((stageId) => (
                      <option key={stageId} value={stageId}>
                        {stageName(stageId)} ({stageId})
                      </option>
                    ))}
                  </select>
                  <FieldProblems pointer="/initial" problems={problems.filter((problem) => problem.path === '/initial')} />
                </div>
                <AddStageForm
                  legend={t('workflowEditor.addStage')}
                  siblings={definition.stages}
                  onAdd={(stageId, kind, name) => {
                    const added = addTopStage(definition, stageId, newStage(kind));
                    edit(name ? withStageName(added, stageId, i18n.language.split('-')[0]!, name) : added);
                    setSelected(stageId);
                    setStatus(t('workflowEditor.stageAdded', { name: name || stageName(stageId) }));
                  }}
                />
              </div>
              {selected && definition.stages[selected] && (
                <StagePanel
                  stageId={selected}
                  stage={definition.stages[selected]}
                  onChange={(stage: Stage) => edit({ ...definition, stages: { ...definition.stages, [selected]: stage } })}
                  onRemove={() => {
                    edit(removeTopStage(definition, selected));
                    setStatus(t('workflowEditor.stageRemoved', { name: stageName(selected) }));
                    setSelected(undefined);
                  }}
                />
              )}
            </div>
          </ProblemsProvider>
        </DefinitionProvider>
        </FormChoicesProvider>
        </StageNamesEditProvider>
        </GivenStageNamesProvider>
      )}
      {definition && (
        <FormBindings
          bindings={definition.bindings ?? []}
          forms={formPaths}
          problems={problems.map((problem) => ({ ...problem, path: problem.path.replace(/^\/definition/, '') }))}
          onChange={(bindings) => edit({ ...definition, bindings })}
        />
      )}
      {diff && definition && (
        <GivenStageNamesProvider value={definition.stageNames}>
          <FormChoicesProvider value={formChoices}>
            <DefinitionProvider value={definition}>
              <UpstreamDiffList changes={diff} />
            </DefinitionProvider>
          </FormChoicesProvider>
        </GivenStageNamesProvider>
      )}
      {migration && <MigrationResults result={migration} hasUpstream={Boolean(data?.upstream)} stageName={stageName} onMigrate={() => void migrate(false, migration.toVersion)} />}
    </section>
  );
}
