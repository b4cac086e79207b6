import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';

/**
 * A definition with a stage's name in one language set (or removed, for an empty text). A stage left without any
 * name has no entry, and a definition without any names no `stageNames`, so an unnamed clone stays as it was cloned.
 */
export function withStageName(definition: WorkflowDefinition, stageId: string, language: string, text: string): WorkflowDefinition {
  const names = { ...definition.stageNames };
  const byLanguage = { ...names[stageId] };
  // Kept as typed while typing: the format check refuses a name of only spaces at its field.
  if (text === '') delete byLanguage[language];
  else byLanguage[language] = text;
  if (Object.keys(byLanguage).length > 0) names[stageId] = byLanguage;
  else delete names[stageId];
  const { stageNames: _old, ...rest } = definition;
  return Object.keys(names).length > 0 ? { ...rest, stageNames: names } : rest;
}

/** A definition without the names of a stage that is gone (no other stage of that id is left). */
export function withoutStageNames(definition: WorkflowDefinition, stageIds: readonly string[]): WorkflowDefinition {
  if (!definition.stageNames) return definition;
  const names = Object.fromEntries(Object.entries(definition.stageNames).filter(([id]) => stageIds.includes(id)));
  const { stageNames: _old, ...rest } = definition;
  return Object.keys(names).length > 0 ? { ...rest, stageNames: names } : rest;
}
