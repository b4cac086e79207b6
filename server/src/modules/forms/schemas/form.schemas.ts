import { z } from 'zod';

export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/);
/** The renderer's `i18n` shape: language -> English source text -> translation. */
export const languageStrings = z.record(z.string().min(1).max(5000), z.string().max(5000));
export const translationsSchema = z.record(languageCode, languageStrings);

export const createFormSchema = z
  .object({
    definition: z.unknown(),
    translations: translationsSchema.optional(),
    note: z.string().max(500).optional(),
    publish: z.boolean().optional(),
  })
  .strict();

export const saveFormSchema = createFormSchema.extend({ version: z.number().int().min(0) }).strict();

export const publishFormSchema = z.object({ revision: z.number().int().min(1).optional(), version: z.number().int().min(0) }).strict();

export const putTranslationsSchema = z.object({ strings: languageStrings, version: z.number().int().min(0) }).strict();

export const listFormsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    skip: z.coerce.number().int().min(0).default(0),
    tag: z.string().max(100).optional(),
    /** Titles in this language where the published revision has them translated. */
    lang: languageCode.optional(),
  })
  .strict();

export const readFormQuery = z
  .object({ lang: languageCode.optional(), revision: z.union([z.literal('latest'), z.coerce.number().int().min(1)]).optional() })
  .strict();

export const revisionParam = z.coerce.number().int().min(1);
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict();

export const cloneTemplateSchema = z.object({ path: z.string().max(200).optional() }).strict();

/** One form as exported: a builder export (without JavaScript) is also accepted as `definition` alone. */
export const exportedFormSchema = z.object({ definition: z.unknown(), translations: translationsSchema.default({}) }).strict();
export const bundleSchema = z
  .object({ format: z.literal('assist-form-bundle'), version: z.literal(1), forms: z.array(exportedFormSchema).min(1).max(200) })
  .strict();
export const importQuery = z.object({ publish: z.enum(['true', 'false']).default('true') }).strict();
