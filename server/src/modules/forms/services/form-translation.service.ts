import type { TFunction } from 'i18next';
import type { ServiceContext } from '../../access/service-context';
import { missingTranslations } from '../translations/missing-translations-finder';
import type { FormTranslations } from '../translations/translatable-strings-collector';
import type { FormRef } from './form-access';
import { getForm, saveForm } from './form.service';

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
  t: TFunction,
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
    t,
  );
}

export async function getMissingTranslations(ctx: ServiceContext, ref: FormRef, languages: readonly string[]) {
  const { revision } = await getForm(ctx, ref, 'latest');
  return missingTranslations(revision.definition, revision.translations, languages);
}
