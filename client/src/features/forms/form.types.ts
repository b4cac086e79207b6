/** Shapes of the native forms API (server/src/modules/forms/routes/form.presenter.ts). */
export interface FormSummary {
  id: string;
  path: string;
  title: string;
  publishedRevision: number | null;
  latestRevision: number;
  /** Optimistic concurrency: sent back with every change. */
  version: number;
  tags?: string[];
  upstream?: { templatePath: string; revision: number } | null;
  updatedAt?: string;
}

export interface FormDefinition {
  title: string;
  name: string;
  path: string;
  display?: string;
  components: FormComponent[];
  [property: string]: unknown;
}

/** `GET /api/forms/:id[?revision=]`: one revision's definition with its translations. */
export interface FormDetail extends FormSummary {
  revision: { number: number; published: boolean; note?: string; createdAt?: string };
  definition: FormDefinition;
  translations: Record<string, Record<string, string>>;
}

export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  components?: FormComponent[];
  columns?: Array<{ components?: FormComponent[] }>;
  /** A table's rows of cells; a text area's height in lines. */
  rows?: Array<Array<{ components?: FormComponent[] }>> | number;
  [property: string]: unknown;
}

/** A row of `GET /api/forms/:id/revisions`. */
export interface FormRevision {
  number: number;
  createdAt?: string;
  note?: string;
  published?: boolean;
  current?: boolean;
}

/** A template of the library (`GET /api/form-templates`). */
export interface FormTemplateSummary {
  path: string;
  title: string;
  tags?: string[];
  latestRevision: number;
}
