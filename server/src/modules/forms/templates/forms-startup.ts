import type { Connection } from 'mongoose';
import { formsDir } from '../../../config/paths';
import { installNoCodeEvaluator } from '../definition/safe-evaluator';
import { loadFormTemplates, type TemplateLoadResult } from './form-template-loader';

/** At start: no form code may ever run in this process, and the template library matches `forms/`. */
export async function startForms(db: Connection, directory: string = formsDir): Promise<TemplateLoadResult> {
  installNoCodeEvaluator();
  return loadFormTemplates(db, directory);
}
