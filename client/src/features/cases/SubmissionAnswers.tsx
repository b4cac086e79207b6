import { useTranslation } from 'react-i18next';
import type { FormComponent } from '@contracts/forms/form.types';
import { formatDate } from '../common';
import { dataComponents, hasRows, isContainer, optionLabel } from './submission-fields';

interface Props {
  /** The components of the revision the submission was validated against. */
  components: FormComponent[] | undefined;
  data: Record<string, unknown>;
  /** The form's own translations for the UI language (English source → text). */
  translations: Record<string, string>;
}

/**
 * A submission's answers as the form asked them, from the revision it is pinned to: questions by their (translated)
 * labels, options by their labels, rows of a data grid as nested lists. Keys the revision does not know are shown as
 * they are, so nothing stored is hidden from a reader who may see it.
 */
export function SubmissionAnswers({ components, data, translations }: Props) {
  const { t, i18n } = useTranslation();
  const text = (source: unknown, fallback: string) => (typeof source === 'string' && source ? translations[source] || source : fallback);

  const show = (component: FormComponent | undefined, value: unknown): React.ReactNode => {
    if (value === null || value === undefined || value === '') return '—';
    if (component && hasRows(component) && Array.isArray(value)) {
      return (
        <ol>
          {value.map((row, index) => (
            <li key={index}>{typeof row === 'object' && row ? <Answers list={component.components} values={row as Record<string, unknown>} /> : show(undefined, row)}</li>
          ))}
        </ol>
      );
    }
    if (component && isContainer(component) && typeof value === 'object' && !Array.isArray(value)) {
      return <Answers list={component.components} values={value as Record<string, unknown>} />;
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (component?.type === 'selectboxes' && typeof value === 'object' && !Array.isArray(value)) {
      const chosen = Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true).map(([option]) => text(optionLabel(component, option), option));
      return chosen.length ? chosen.join(', ') : '—';
    }
    // Lists and groups the form does not describe are still shown as lists and groups, never as raw JSON.
    if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
      return (
        <ol>
          {value.map((item, index) => (
            <li key={index}>{show(undefined, item)}</li>
          ))}
        </ol>
      );
    }
    if (Array.isArray(value)) return value.map((item) => (component ? text(optionLabel(component, item), String(item)) : String(item))).join(', ');
    if (typeof value === 'object') return <Answers list={component?.components} values={value as Record<string, unknown>} />;
    if (component?.type === 'datetime' || component?.type === 'day') return formatDate(String(value), i18n.language);
    const label = component ? optionLabel(component, value) : undefined;
    return label ? text(label, String(value)) : String(value);
  };

  function Answers({ list, values }: { list: unknown; values: Record<string, unknown> }) {
    const known = dataComponents(list);
    return (
      <dl className="answers">
        {Object.entries(values).map(([key, value]) => {
          const component = known.get(key);
          return (
            <div key={key}>
              <dt>{component ? text(component.label, key) : <code>{key}</code>}</dt>
              <dd>{show(component, value)}</dd>
            </div>
          );
        })}
      </dl>
    );
  }

  return <Answers list={components} values={data} />;
}
