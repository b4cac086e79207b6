import { createContext, useContext } from 'react';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';

/**
 * The whole definition being edited, for the parts of the editor that look beyond their own stage: where a
 * transition may lead, which event names the workflow already uses.
 */
const DefinitionContext = createContext<Pick<WorkflowDefinition, 'stages'> & Partial<Pick<WorkflowDefinition, 'id'>>>({ stages: {} });
export const DefinitionProvider = DefinitionContext.Provider;
export const useEditedDefinition = () => useContext(DefinitionContext);

/** The names the administrator gives stages (the definition's `stageNames`) and how one is changed. */
export interface StageNamesEdit {
  names: Record<string, Record<string, string>>;
  /** An empty text removes the name in that language. */
  setName: (stageId: string, language: string, text: string) => void;
}
const StageNamesContext = createContext<StageNamesEdit>({ names: {}, setName: () => undefined });
export const StageNamesEditProvider = StageNamesContext.Provider;
export const useStageNamesEdit = () => useContext(StageNamesContext);

/** A form a stage may require: the organisation's own forms and the template library's, by title. */
export interface FormChoice {
  path: string;
  title: string;
}
const FormChoicesContext = createContext<readonly FormChoice[]>([]);
export const FormChoicesProvider = FormChoicesContext.Provider;
export const useFormChoices = () => useContext(FormChoicesContext);
