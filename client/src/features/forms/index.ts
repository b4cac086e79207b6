export type { FormDetail, FormSummary, FormTemplateSummary } from './form.types';
