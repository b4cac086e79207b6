/** Expected shapes of the forms API (`/api/forms…`; not built yet when this was written). */
export interface FormSummary {
  id: string;
  path: string;
  title: string;
  revision?: number;
  publishedRevision?: number | null;
  status?: string;
  tags?: string[];
  updatedAt?: string;
}

export interface FormDetail extends FormSummary {
  display?: string;
  components: FormComponent[];
  translations?: Record<string, Record<string, string>>;
}

export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  components?: FormComponent[];
  columns?: Array<{ components?: FormComponent[] }>;
  rows?: Array<Array<{ components?: FormComponent[] }>>;
  [property: string]: unknown;
}

export interface FormRevision {
  revision: number;
  createdAt?: string;
  createdBy?: string;
  components?: FormComponent[];
  title?: string;
}
