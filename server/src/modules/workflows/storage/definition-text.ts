import { assertJsonDepth } from '../../../core/json/json-depth';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';

/**
 * Definitions are stored as JSON text, not as nested documents. A draft is saved before it is valid, and JSONLogic
 * guards are open-ended: an author can type a key with a `.` or a leading `$`, which MongoDB rejects or reads as an
 * operator and FerretDB v1 cannot store at all. Nothing ever queries inside a definition, so text loses nothing.
 * JSON.stringify recurses: a draft nested deeper than any accepted JSON is the 400 `json-too-deep` instead.
 */
export function definitionToText(definition: unknown): string {
  assertJsonDepth(definition);
  return JSON.stringify(definition);
}

export function definitionFromText(text: string): WorkflowDefinition {
  return JSON.parse(text) as WorkflowDefinition;
}
