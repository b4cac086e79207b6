// The pure core of the forms module: what routes and services call. No database, no HTTP.
export { validateFormDefinition, type FormDefinitionResult } from './definition/form-definition-validator';
export type { DefinitionProblem, DefinitionProblemCode } from './definition/definition-problem.types';
export { walkComponents, type WalkedComponent } from '../../contracts/forms/component-walker';
export { findUnsafeJsonLogic, isSafeJsonLogic } from './definition/jsonlogic-safety-checker';
export { installNoCodeEvaluator, isNoCodeEvaluatorInstalled, NoCodeEvaluator } from './definition/safe-evaluator';
export { findSensitiveFields, type SensitiveField, type Sensitivity } from './definition/sensitive-fields-finder';
export { diffFormDefinitions, type FormDefinitionDiff, type ComponentRef, type ComponentChange } from './revisions/form-definition-differ';
export { translatableStrings, type FormTranslations } from '../../contracts/forms/translatable-strings-collector';
export { missingTranslations, SOURCE_LANGUAGE } from './translations/missing-translations-finder';
export type { FormComponent, FormDefinition, FormLike } from '../../contracts/forms/form.types';
