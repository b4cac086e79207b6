import { deepArray, deepObject, deepPanels, describeBoundedWalkers } from '../../../../test/helpers/deep-json';
import { findCodeInComponent } from './definition/evaluated-properties';
import { validateFormDefinition } from './definition/form-definition-validator';
import { findUnsafeLogicInComponent } from './definition/jsonlogic-property-finder';
import { findUnsafeJsonLogic } from './definition/jsonlogic-safety-checker';
import { findTemplateCode } from './definition/template-expression-finder';
import { diffFormDefinitions } from './revisions/form-definition-differ';
import { applyTranslations } from './service/translation-applier';

// Issue 13 (see test/helpers/deep-json.ts): the forms module's walkers of form definitions.
describeBoundedWalkers([
  ['validateFormDefinition, deep title', () => validateFormDefinition({ title: deepArray(), name: 'f', path: 'f', components: [] })],
  ['validateFormDefinition, deep components', () => validateFormDefinition({ title: 'T', name: 'f', path: 'f', components: deepPanels() })],
  ['findTemplateCode', () => findTemplateCode(deepArray(), false)],
  ['findUnsafeJsonLogic', () => findUnsafeJsonLogic({ '+': deepArray() })],
  ['findCodeInComponent through serverOverride', () => findCodeInComponent(deepObject('serverOverride') as Record<string, unknown>)],
  ['findUnsafeLogicInComponent through serverOverride', () => findUnsafeLogicInComponent(deepObject('serverOverride') as Record<string, unknown>)],
  ['applyTranslations', () => applyTranslations({ title: 'T', components: deepArray() } as never, { x: 'y' })],
  ['diffFormDefinitions', () => diffFormDefinitions({ title: 'T', components: [] } as never, { title: deepArray(), components: [] } as never)],
]);
