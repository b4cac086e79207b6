import { walkComponents } from './component-walker';
import { isNonEmptyString, isRecord } from '../json/json-guards';
import type { FormLike } from './form.types';

/** A form's translations in the shape @formio/js's `i18n` option takes: language -> English source -> text. */
export type FormTranslations = Record<string, Record<string, string>>;

// Component properties the renderer passes through `t()`.
const TEXT_PROPERTIES = [
  'label', 'description', 'placeholder', 'tooltip', 'prefix', 'suffix', 'errorLabel', 'title', 'legend',
  'content', 'html', 'addAnother', 'saveRow', 'removeRow',
] as const;
// Their `label` is only a name in the builder; what readers see is `title`/`legend`/the content.
const UNSHOWN_LABEL_TYPES = new Set(['panel', 'fieldset', 'columns', 'well', 'table', 'htmlelement', 'content', 'hidden']);
const NESTED_TEXT_PROPERTIES = [['validate', 'customMessage']] as const;

/**
 * Every string of a form a translator must translate, each once, in the order a reader meets them. The
 * strings themselves are the translation keys, as Form.io's renderer looks them up.
 */
export function translatableStrings(form: FormLike): string[] {
  const strings = new Set<string>();
  const add = (value: unknown) => {
    if (isNonEmptyString(value)) strings.add(value);
  };
  // The title heads the form when it is filled in and names it in every list, wizard or not.
  add(form.title);
  for (const { component } of walkComponents(form.components)) {
    const labelShown = !UNSHOWN_LABEL_TYPES.has(component.type ?? '') && (component.hideLabel !== true || component.type === 'button');
    for (const property of TEXT_PROPERTIES) {
      if (property === 'label' && !labelShown) continue;
      add(component[property]);
    }
    for (const [outer, inner] of NESTED_TEXT_PROPERTIES) {
      const holder = component[outer];
      if (isRecord(holder)) add(holder[inner]);
    }
    for (const option of optionLists(component)) add(option.label);
    if (Array.isArray(component.questions)) for (const question of component.questions) if (isRecord(question)) add(question.label);
    if (Array.isArray(component.components) && component.type === 'tabs') {
      for (const tab of component.components) if (isRecord(tab)) add(tab.label);
    }
  }
  return [...strings];
}

function optionLists(component: Record<string, unknown>): Array<Record<string, unknown>> {
  const lists: unknown[] = [component.values];
  if (isRecord(component.data)) lists.push(component.data.values);
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter(isRecord) : []));
}
