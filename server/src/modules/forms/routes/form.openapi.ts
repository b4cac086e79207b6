import { z } from 'zod';
import { apiRoutes, json } from '../../../core/openapi/api-route';
import {
  ExportedFormViewSchema, FormBundleViewSchema, FormDiffSchema, FormListSchema, FormRevisionListSchema, FormTemplateListSchema, FormTemplateViewSchema,
  FormTranslationsSchema, FormViewSchema, ImportedFormsSchema, LanguageTranslationsSchema, MissingTranslationsSchema,
} from '../../../contracts/forms/form-view.schemas';
import {
  bundleSchema, cloneTemplateSchema, createFormSchema, diffQuery, exportedFormSchema, importQuery, listFormsQuery,
  publishFormSchema, putTranslationsSchema, readFormQuery, saveFormSchema,
} from '../schemas/form.schemas';

const lang = { lang: 'A language code (`fi`, `pt-BR`)' };

/** The native forms API: forms, their revisions and translations, import and export, the template library. */
export const formApi = apiRoutes('forms', [
  { method: 'get', path: '/api/forms', query: listFormsQuery, summary: "The organisation's forms the user may read (titles in `lang` where translated)", responses: { 200: json('A page of form summaries', FormListSchema, 'FormList') } },
  {
    method: 'post', path: '/api/forms', body: createFormSchema, bodyName: 'CreateForm',
    summary: 'Create a form from a Form.io definition (checked: no JavaScript, only no-code logic); `publish` makes its first revision current',
    responses: { 201: json('The form with its revision', FormViewSchema, 'FormView'), 403: 'The role may not create (or publish) forms' },
  },
  {
    method: 'post', path: '/api/forms/import', query: importQuery, body: z.union([exportedFormSchema, z.looseObject({ components: z.array(z.unknown()) })]),
    summary: 'Import one form: our export (definition and translations) or a Form.io builder export as it is', responses: { 201: json('The imported form', FormViewSchema, 'FormView') },
  },
  { method: 'get', path: '/api/form-bundle', summary: "Every form of the organisation with its translations, as one bundle", responses: { 200: json('The bundle', FormBundleViewSchema, 'FormBundleView') } },
  { method: 'post', path: '/api/form-bundle', query: importQuery, body: bundleSchema, bodyName: 'FormBundle', summary: 'Import a bundle of forms', responses: { 201: json('The imported forms', ImportedFormsSchema, 'ImportedForms') } },
  { method: 'get', path: '/api/forms/:id', query: readFormQuery, summary: 'A form with its current (or `latest`, or a numbered) revision; `lang` applies that language', responses: { 200: json('The form with its revision', FormViewSchema, 'FormView') } },
  {
    method: 'put', path: '/api/forms/:id', body: saveFormSchema, bodyName: 'SaveForm',
    summary: 'Save a new revision of the version seen (`publish` makes it current)', responses: { 200: json('The form with its new revision', FormViewSchema, 'FormView'), 409: 'Stale version' },
  },
  { method: 'delete', path: '/api/forms/:id', summary: 'Remove a form from use (its revisions stay: submissions are pinned to them)', responses: { 204: 'Deleted', 409: 'Stale version' } },
  { method: 'post', path: '/api/forms/:id/publish', body: publishFormSchema, summary: 'Make a revision (the latest by default) the current one', responses: { 200: json('The form', FormViewSchema, 'FormView'), 409: 'Stale version' } },
  { method: 'get', path: '/api/forms/:id/export', summary: 'The form as exported: definition and translations', responses: { 200: json('The export', ExportedFormViewSchema, 'ExportedFormView') } },
  { method: 'get', path: '/api/forms/:id/revisions', summary: "The form's revisions, newest first", responses: { 200: json('Revisions, newest first', FormRevisionListSchema, 'FormRevisionList') } },
  { method: 'get', path: '/api/forms/:id/revisions/diff', query: diffQuery, summary: 'What changed between two revisions (components added, removed, changed)', responses: { 200: json('The differences', FormDiffSchema, 'FormDiff') } },
  {
    method: 'get', path: '/api/forms/:id/revisions/:number', query: readFormQuery.omit({ revision: true }), params: { number: 'The revision number' },
    summary: 'A form with one of its revisions', responses: { 200: json('The form with that revision', FormViewSchema, 'FormView') },
  },
  { method: 'get', path: '/api/forms/:id/translations', summary: "The latest revision's translations, per language", responses: { 200: json('language -> source text -> translation', FormTranslationsSchema, 'FormTranslations') } },
  { method: 'get', path: '/api/forms/:id/translations/missing', summary: 'Per language, the texts not yet translated', responses: { 200: json('Missing texts per language', MissingTranslationsSchema, 'MissingTranslations') } },
  { method: 'get', path: '/api/forms/:id/translations/:lang', params: lang, summary: "One language's translations", responses: { 200: json('source text -> translation', LanguageTranslationsSchema, 'LanguageTranslations') } },
  {
    method: 'put', path: '/api/forms/:id/translations/:lang', params: lang, body: putTranslationsSchema, bodyName: 'PutTranslations',
    summary: "Replace one language's translations (a new revision, published when the latest was)", responses: { 200: json('The form', FormViewSchema, 'FormView'), 409: 'Stale version' },
  },
  { method: 'get', path: '/api/form-templates', summary: 'The platform library of form templates', responses: { 200: json('Templates', FormTemplateListSchema, 'FormTemplateList') } },
  { method: 'get', path: '/api/form-templates/:path', params: { path: "The template's path" }, summary: 'A template with its definition and translations', responses: { 200: json('The template', FormTemplateViewSchema, 'FormTemplateView') } },
  {
    method: 'post', path: '/api/form-templates/:path/clone', params: { path: "The template's path" }, body: cloneTemplateSchema,
    summary: "Copy a template into the organisation's forms (optionally under another path)", responses: { 201: json('The new form', FormViewSchema, 'FormView') },
  },
]);
