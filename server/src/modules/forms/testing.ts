// The forms module's test-support face: what only tests use. Tests read and change stored forms and form templates
// underneath the API, load template files from a folder of their own, and query forms with the permission filter the
// services apply. Other modules reach forms through index.ts's services, so the models stay off it; lint lets only
// tests import this file.
export { formFilter } from './service/form-access';
export { formTemplateModel, formTemplateRevisionModel } from './storage/form-template.model';
export { formModel } from './storage/form.model';
export { loadFormTemplates, TemplateFileError } from './templates/form-template-loader';
export { readTemplateFiles } from './templates/template-files';
