// The pure core of the forms module: what routes and services call. No database, no HTTP.
export { validateFormDefinition, type FormDefinitionResult } from './definition/form-definition-validator';
export type { DefinitionProblem, DefinitionProblemCode } from './definition/definition-problem.types';
export { walkComponents, type WalkedComponent } from '../../contracts/forms/component-walker';
export { findUnsafeJsonLogic, isSafeJsonLogic } from './definition/jsonlogic-safety-checker';
export { validateSubmission, type SubmissionResult } from './submission/submission-validator';
export type { FormioErrorDetail, FormioErrorContext, Translate } from './submission/formio-error-detail.types';
export { installNoCodeEvaluator, isNoCodeEvaluatorInstalled, NoCodeEvaluator } from './submission/safe-evaluator';
export { findSensitiveFields, type SensitiveField, type Sensitivity } from './submission/sensitive-fields-finder';
export { diffFormDefinitions, type FormDefinitionDiff, type ComponentRef, type ComponentChange } from './revisions/form-definition-differ';
export { translatableStrings, type FormTranslations } from '../../contracts/forms/translatable-strings-collector';
export { missingTranslations, SOURCE_LANGUAGE } from './translations/missing-translations-finder';
export type { FormComponent, FormDefinition, FormLike } from '../../contracts/forms/form.types';
