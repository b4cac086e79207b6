import type { TFunction } from 'i18next';
import { formDefinitionInvalid } from '../form.errors';
import { validateFormDefinition } from '../definition/form-definition-validator';
import type { FormDefinition } from '../../../contracts/forms/form.types';

/**
 * Validates a definition and throws one 400 with every problem, each with its path and a message in the request's
 * language, so an editor can fix them all at once. Nothing from the definition runs.
 */
export function checkDefinition(definition: unknown, t: TFunction): FormDefinition {
  const result = validateFormDefinition(definition);
  if (result.ok) return result.form;
  const problems = result.problems.map((problem) => ({
    ...problem,
    message: t(`validation:definition.${problem.code}`, { ...problem.params, path: problem.path, key: problem.key ?? '', property: problem.property ?? '' }),
  }));
  throw formDefinitionInvalid(problems);
}
