import { z } from 'zod';
import { IsoDateTime } from '../api/wire.schemas';

/*
 * The answers of the native forms API (/api/forms …, /api/form-templates …), shared by client and server: the
 * OpenAPI document is generated from them and openapi-responses.test.ts parses real answers with them.
 */

/**
 * A Form.io definition as stored: its components and whatever else Form.io put in it (a builder export must
 * round-trip unchanged, so only the components are named; form.types.ts names what the server reads).
 */
export const FormDefinitionViewSchema = z.looseObject({ components: z.array(z.looseObject({})) });
/** language -> source text -> translation. */
export const FormTranslationsSchema = z.record(z.string(), z.record(z.string(), z.string()));
/** source text -> translation, of one language. */
export const LanguageTranslationsSchema = z.record(z.string(), z.string());
/** language -> the source texts not yet translated. */
export const MissingTranslationsSchema = z.record(z.string(), z.array(z.string()));

/** A form without its definition, as lists show it. */
export const FormSummarySchema = z.object({
  id: z.string(),
  orgId: z.string(),
  path: z.string(),
  name: z.string(),
  title: z.string(),
  display: z.enum(['form', 'wizard']),
  tags: z.array(z.string()),
  properties: z.record(z.string(), z.string()),
  /** The revision in use; null until the first publish. */
  publishedRevision: z.number().int().nullable(),
  latestRevision: z.number().int(),
  /** The library template it was cloned from, with the template's revision then. */
  upstream: z.object({ templatePath: z.string(), revision: z.number().int() }).nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type FormSummary = z.infer<typeof FormSummarySchema>;

/** One revision of a form, without its definition. */
export const FormRevisionInfoSchema = z.object({
  number: z.number().int(),
  published: z.boolean(),
  note: z.string(),
  /** The author's user id, null for a platform import. */
  author: z.string().nullable(),
  createdAt: IsoDateTime,
});

/** A form with one of its revisions: the definition (translated where `lang` asked) and every translation. */
export const FormViewSchema = FormSummarySchema.extend({
  revision: FormRevisionInfoSchema,
  definition: FormDefinitionViewSchema,
  translations: FormTranslationsSchema,
});
export type FormView = z.infer<typeof FormViewSchema>;

/** `GET /api/forms`: a page of summaries. */
export const FormListSchema = z.object({ items: z.array(FormSummarySchema), total: z.number().int(), skip: z.number().int(), limit: z.number().int() });
/** `POST /api/form-bundle`: the forms imported. */
export const ImportedFormsSchema = z.object({ items: z.array(FormSummarySchema) });

/** `GET /api/forms/:id/revisions`, newest first; `current` marks the one in use. */
export const FormRevisionListSchema = z.object({
  items: z.array(
    z.object({
      number: z.number().int(),
      author: z.string().nullable(),
      createdAt: IsoDateTime,
      note: z.string(),
      published: z.boolean(),
      current: z.boolean(),
    }),
  ),
});

const ComponentRefSchema = z.object({
  /** Key path through every ancestor, layout included, e.g. `page1.household.members.name`. */
  path: z.string(),
  key: z.string(),
  type: z.string(),
});
/** `GET /api/forms/:id/revisions/diff`: what changed between two revisions. */
export const FormDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(ComponentRefSchema),
  removed: z.array(ComponentRefSchema),
  /** Changed properties; `$parent` when the component moved under another parent. */
  changed: z.array(z.object({ path: z.string(), key: z.string(), properties: z.array(z.string()) })),
  /** Changed top-level properties (title, path, display, settings...). */
  form: z.array(z.string()),
});

/** `GET /api/forms/:id/export`: what another installation needs to recreate the form. */
export const ExportedFormViewSchema = z.object({ definition: FormDefinitionViewSchema, translations: FormTranslationsSchema });
/** `GET /api/form-bundle`: every form of the organisation, exported. */
export const FormBundleViewSchema = z.object({ format: z.literal('assist-form-bundle'), version: z.literal(1), forms: z.array(ExportedFormViewSchema) });

/** A template of the platform library, without its definition. */
export const FormTemplateSummarySchema = z.object({
  path: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  latestRevision: z.number().int(),
  updatedAt: IsoDateTime,
});
export const FormTemplateListSchema = z.object({ items: z.array(FormTemplateSummarySchema) });
/** `GET /api/form-templates/:path`: a template with its definition and translations. */
export const FormTemplateViewSchema = z.object({
  path: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  revision: z.number().int(),
  definition: FormDefinitionViewSchema,
  translations: FormTranslationsSchema,
});
