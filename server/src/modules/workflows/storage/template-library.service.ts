import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { TEMPLATE_FORM_PATHS, WORKFLOWS_DIR, templateFormFields } from '../templates/template-context';
import { loadWorkflowTemplates } from '../templates/workflow-template.loader';
import { definitionToText } from './definition-text';
import { rememberTemplateVersions } from './definition-keys';
import { workflowTemplateModel } from './workflow-template.model';

export interface TemplateLibraryResult {
  inserted: number;
  unchanged: number;
  invalid: string[];
}

/**
 * Loads `workflows/*.json` into the template library. Idempotent, and safe with several processes starting at once:
 * each (key, version) is inserted only if absent, so a restart changes nothing and a template edited without a new
 * version number does not silently replace what running cases were started on (it is reported instead).
 */
export async function loadTemplateLibrary(
  db: Connection,
  options: { workflowsDir?: string; formPaths?: ReadonlySet<string>; logger?: Logger; now?: Date } = {},
): Promise<TemplateLibraryResult> {
  const Templates = workflowTemplateModel(db);
  await Templates.createIndexes();
  const result: TemplateLibraryResult = { inserted: 0, unchanged: 0, invalid: [] };
  for (const loaded of loadWorkflowTemplates(options.workflowsDir ?? WORKFLOWS_DIR, options.formPaths ?? TEMPLATE_FORM_PATHS, templateFormFields())) {
    const def = loaded.definition as WorkflowDefinition;
    if (loaded.problems.length > 0) {
      result.invalid.push(loaded.file);
      options.logger?.warn({ file: loaded.file, problems: loaded.problems.length }, 'workflow template has problems');
    }
    const text = definitionToText(def);
    const write = await Templates.updateOne(
      { key: def.id, version: def.version },
      {
        $setOnInsert: {
          key: def.id,
          version: def.version,
          jurisdiction: def.jurisdiction,
          file: loaded.file,
          definitionText: text,
          problemCount: loaded.problems.length,
          loadedAt: options.now ?? new Date(),
        },
      },
      { upsert: true },
    );
    if (write.upsertedCount > 0) {
      result.inserted += 1;
      continue;
    }
    result.unchanged += 1;
    const stored = await Templates.findOne({ key: def.id, version: def.version }, { definitionText: 1 }).lean();
    if (stored && stored.definitionText !== text) {
      options.logger?.warn({ file: loaded.file, version: def.version }, 'workflow template changed without a new version; raise its version');
    }
  }
  await rememberTemplateVersions(db);
  return result;
}
