import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { eventName, namedStage, type GivenStageNames } from '@contracts/workflows/stage-name.util';

/** The names an administrator gave the stages of the workflow on the page (its definition's `stageNames`). */
const GivenNamesContext = createContext<GivenStageNames | undefined>(undefined);
export const GivenStageNamesProvider = GivenNamesContext.Provider;

/**
 * The workflows whose texts name a stage or event: the case's own, else every workflow with texts (a case list mixes
 * workflows, and stages with the same id share one text).
 */
function useWorkflowIds(workflowId: string | undefined) {
  const { i18n } = useTranslation('workflows');
  return () => {
    if (workflowId) return [workflowId];
    const bundle = (i18n.getResourceBundle(i18n.language, 'workflows') ?? i18n.getResourceBundle('en', 'workflows') ?? {}) as Record<string, unknown>;
    return Object.keys(bundle);
  };
}

/**
 * A stage's display name from locales/<lng>/workflows.json, as the server names it too (contract: stage-name.util),
 * or the name its administrator gave it (`names`, or those of the page's workflow, GivenStageNamesProvider).
 */
export function useStageName(workflowId: string | undefined, names?: GivenStageNames) {
  const { t, i18n } = useTranslation('workflows');
  const workflowIds = useWorkflowIds(workflowId);
  const given = useContext(GivenNamesContext) ?? names;
  return (path: string) => namedStage(t, workflowIds(), path, given, i18n.language);
}

/** A nested stage with its parent, `Plan of assistance: Drafting`, since many tracks share state names. */
export function useStageLabel(workflowId: string | undefined) {
  const name = useStageName(workflowId);
  return (path: string) => {
    const parts = path.split('/');
    return parts.length < 2 ? name(path) : `${name(parts.at(-2)!)}: ${name(parts.at(-1)!)}`;
  };
}

export function useEventName(workflowId: string | undefined) {
  const { t } = useTranslation('workflows');
  const workflowIds = useWorkflowIds(workflowId);
  return (event: string) => eventName(t, workflowIds(), event);
}
