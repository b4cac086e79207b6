import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../../core/json/json-depth';
import { JurisdictionSchema, type Jurisdiction } from '../jurisdictions/jurisdiction.schemas';
import { jurisdictionParameterValues } from '../jurisdictions/jurisdiction-parameters';
import { validateWorkflowDefinition } from '../definition/workflow-definition.validator';
import type { FormFieldCatalogs } from '../definition/form-bindings.validator';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';

export interface LoadedTemplate {
  file: string;
  definition: unknown;
  problems: WorkflowProblem[];
}

/** Reads every jurisdiction file in `<workflowsDir>/jurisdictions`, keyed by code. Throws on a malformed file. */
export function loadJurisdictions(workflowsDir: string): Map<string, Jurisdiction> {
  const dir = join(workflowsDir, 'jurisdictions');
  const out = new Map<string, Jurisdiction>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const jurisdiction = JurisdictionSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    out.set(jurisdiction.code, jurisdiction);
  }
  return out;
}

/**
 * Loads the workflow templates the way the server does at boot: parse each JSON file and validate it against the
 * form paths that exist and the parameters of its jurisdiction. Problems are returned, not thrown, so the caller can
 * report all files at once.
 */
export function loadWorkflowTemplates(workflowsDir: string, formPaths: ReadonlySet<string>, formFields?: FormFieldCatalogs): LoadedTemplate[] {
  const jurisdictions = loadJurisdictions(workflowsDir);
  return readdirSync(workflowsDir)
    .filter((f) => f.endsWith('.json') && f !== 'workflow.schema.json')
    .sort()
    .map((file) => {
      const definition = JSON.parse(readFileSync(join(workflowsDir, file), 'utf8')) as unknown;
      if (exceedsJsonDepth(definition)) throw new Error(`${file}: nested deeper than ${MAX_JSON_DEPTH} levels`);
      const code = (definition as Partial<WorkflowDefinition>).jurisdiction;
      const jurisdiction = code === undefined ? undefined : jurisdictions.get(code);
      const parameters = jurisdiction ? jurisdictionParameterValues(jurisdiction) : {};
      return { file, definition, problems: validateWorkflowDefinition(definition, { formPaths, parameters, ...(formFields ? { formFields } : {}) }) };
    });
}
