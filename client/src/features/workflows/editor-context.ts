import { createContext, useContext } from 'react';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';

/**
 * The whole definition being edited, for the parts of the editor that look beyond their own stage: where a
 * transition may lead, which event names the workflow already uses.
 */
const DefinitionContext = createContext<Pick<WorkflowDefinition, 'stages'>>({ stages: {} });
export const DefinitionProvider = DefinitionContext.Provider;
export const useEditedDefinition = () => useContext(DefinitionContext);
