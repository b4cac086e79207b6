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
      // Checked under every jurisdiction a case of it may run under (countries of return): each has its own parameters.
      const problems = jurisdictionsOf(definition).flatMap((code, index) => {
        const jurisdiction = code === undefined ? undefined : jurisdictions.get(code);
        if (code !== undefined && !jurisdiction && index > 0) return [{ path: `/jurisdictions/${index - 1}`, code: 'schema' as const, params: { message: `unknown jurisdiction ${code}` } }];
        const parameters = jurisdiction ? jurisdictionParameterValues(jurisdiction) : {};
        return validateWorkflowDefinition(definition, { formPaths, parameters, ...(formFields ? { formFields } : {}) });
      });
      return { file, definition, problems: uniqueProblems(problems) };
    });
}

/** The definition's default jurisdiction, then each it offers besides (undefined when it names none). */
export function jurisdictionsOf(definition: unknown): Array<string | undefined> {
  const def = (definition ?? {}) as Partial<WorkflowDefinition>;
  const more = Array.isArray(def.jurisdictions) ? def.jurisdictions.filter((code) => code !== def.jurisdiction) : [];
  return [def.jurisdiction, ...more];
}

/** The same problem found under several jurisdictions is reported once. */
export function uniqueProblems<T>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
