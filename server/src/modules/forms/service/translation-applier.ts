import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord } from '../../../core/json/json-guards';
import type { FormDefinition } from '../../../contracts/forms/form.types';
import type { ParsedRevision } from './revision-cache';

// The properties whose text a reader sees (as translatableStrings collects them), at any depth of a component.
const TEXT_PROPERTIES = new Set([
  'label', 'description', 'placeholder', 'tooltip', 'prefix', 'suffix', 'errorLabel', 'title', 'legend',
  'content', 'html', 'addAnother', 'saveRow', 'removeRow', 'customMessage',
]);

/**
 * The definition with its texts replaced by one language's translations (the renderer's `i18n` map: English
 * source -> text), for clients that cannot pass `i18n` to the renderer. Untranslated texts stay in English.
 */
export function applyTranslations(definition: FormDefinition, translations: Record<string, string> | undefined): FormDefinition {
  if (!translations || Object.keys(translations).length === 0) return definition;
  const translate = (value: unknown, key: string, depth: number): unknown => {
    checkWalkDepth(depth);
    if (typeof value === 'string') {
      const text = TEXT_PROPERTIES.has(key) && Object.hasOwn(translations, value) ? translations[value] : undefined;
      return text && text.trim() !== '' ? text : value;
    }
    if (Array.isArray(value)) return value.map((item) => translate(item, key === 'values' ? 'values' : '', depth + 1));
    if (isRecord(value)) {
      // Option lists carry their text in `label`; `value` is data and never translated.
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, translate(inner, name, depth + 1)]));
    }
    return value;
  };
  return {
    ...definition,
    title: translate(definition.title, 'title', 0) as string,
    components: translate(definition.components, '', 0) as FormDefinition['components'],
  };
}

/** The form's title in `lang` when that revision has it translated; otherwise as written. */
export function translatedTitle(title: string, revision: Pick<ParsedRevision, 'translations'>, lang: string): string {
  const text = revision.translations[lang]?.[title];
  return text && text.trim() !== '' ? text : title;
}
