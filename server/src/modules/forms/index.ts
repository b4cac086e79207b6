// The public face of the forms module: its pure core (no database, no HTTP) first, then what other modules use.
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

// What other modules and app.ts use of the forms module's services, routes and storage.
export { formsApiRoutes } from './routes/forms-api.routes';
export { formApi } from './routes/form.openapi';
export { startForms } from './templates/forms-startup';
export { cloneDemoFormTemplates } from './templates/demo-form-templates';
export { createForm, deleteForm, getForm, listFormsWithRevisions, saveForm, type FormWithRevision } from './service/form.service';
export { findFormForSubmission, type FormRef } from './service/form-access';
export { loadRevision } from './service/revision-store';
export type { ParsedRevision } from './service/revision-cache';
export { applyTranslations } from './service/translation-applier';
export type { Form } from './storage/form.model';
export { languageCode } from './schemas/form.schemas';
export { nameForms } from './service/form-names';
