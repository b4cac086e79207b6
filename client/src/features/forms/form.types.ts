import type { FormDefinition } from '@contracts/forms/form.types';

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

/** `GET /api/forms/:id[?revision=]`: one revision's definition with its translations. */
export interface FormDetail extends FormSummary {
  revision: { number: number; published: boolean; note?: string; createdAt?: string };
  definition: FormDefinition;
  translations: Record<string, Record<string, string>>;
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
