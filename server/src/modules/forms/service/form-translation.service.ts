import type { ServiceContext } from '../../access';
import { missingTranslations } from '../translations/missing-translations-finder';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';
import type { FormRef } from './form-access';
import type { Form } from '../storage/form.model';
import { getForm, saveForm } from './form.service';
import { loadRevision } from './revision-store';
import { translatedTitle } from './translation-applier';

export async function getTranslations(ctx: ServiceContext, ref: FormRef): Promise<FormTranslations> {
  return (await getForm(ctx, ref, 'latest')).revision.translations;
}

/**
 * Replaces one language's translations. Translations are versioned with the form, so this adds a revision with
 * the same definition; when the newest revision was the published one, the new one is published too: a changed
 * label does not change what is validated, and translators should not have to wait for a designer.
 */
export async function putTranslations(
  ctx: ServiceContext,
  ref: FormRef,
  language: string,
  strings: Record<string, string>,
  version: number,
) {
  const { form, revision } = await getForm(ctx, ref, 'latest');
  return saveForm(
    ctx,
    { id: form._id.toHexString() },
    {
      definition: revision.definition,
      translations: { ...revision.translations, [language]: strings },
      note: `translations: ${language}`,
      publish: form.publishedRevision === form.latestRevision,
      version,
    },
  );
}

export async function getMissingTranslations(ctx: ServiceContext, ref: FormRef, languages: readonly string[]) {
  const { revision } = await getForm(ctx, ref, 'latest');
  return missingTranslations(revision.definition, revision.translations, languages);
}

/** The forms with their titles in `lang`, taken from each form's published revision (cached), for lists. */
export async function withTranslatedTitles(ctx: ServiceContext, forms: Form[], lang: string): Promise<Form[]> {
  return Promise.all(
    forms.map(async (form) => {
      if (form.publishedRevision === null) return form;
      return { ...form, title: translatedTitle(form.title, await loadRevision(ctx.db, form._id, form.publishedRevision), lang) };
    }),
  );
}
