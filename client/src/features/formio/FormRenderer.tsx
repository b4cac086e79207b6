import { Form } from '@formio/react';
import { useMemo, useRef } from 'react';
import { dateRangeOf, EARLIEST_DATE, maxLengthOf } from '@contracts/forms/field-limits';
import type { FormioDetail } from '../../api/http';
import { setupFormio } from './formio-setup';

export interface RenderedForm {
  components: unknown[];
  display?: string;
  title?: string;
}

interface Props {
  form: RenderedForm;
  org: string;
  language: string;
  /** Form translations: language → English source → text (the renderer's `i18n` option). */
  translations?: Record<string, Record<string, string>>;
  submission?: { data: Record<string, unknown> };
  readOnly?: boolean;
  /**
   * Sends the data to the server once the browser's own checks pass. Answers the server's validation details
   * (Form.io shape) when it refuses: the renderer then shows each message next to its field, as it does for its
   * own checks; answers nothing when the submission was accepted, and `onSubmit` follows.
   */
  onServerSubmit?: (data: Record<string, unknown>) => Promise<FormioDetail[] | undefined>;
  onSubmit?: (data: Record<string, unknown>) => void;
  /** Every change of the answers (for saving a draft). */
  onDataChange?: (data: Record<string, unknown>) => void;
  /** The day the form's case was opened (`YYYY-MM-DD`): its due dates' pickers start there. */
  caseOpenedOn?: string;
}

type Next = (errors?: unknown[]) => void;

/** What Form.io reports with a change: the component instance the person changed. */
interface ChangeEvent {
  changed?: { instance?: { serverErrors?: unknown[]; setCustomValidity(messages: unknown[], dirty?: boolean): void } };
}

/** The local calendar day of `date` as `YYYY-MM-DD`. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The native picker's `min` and `max` for a date field, from the plausible range the server holds it to
 * (field-limits.ts): never before 1900, not after today for a `past` date, not before the case for a due date.
 * The server's check, shown next to the field, still decides (a typed date is not limited by the picker).
 */
function dateLimits(component: Record<string, unknown>, caseOpenedOn: string | undefined, withTime: boolean): Record<string, string> {
  const asInput = (day: string, end: boolean) => (withTime ? `${day}T${end ? '23:59' : '00:00'}` : day);
  const range = dateRangeOf(component);
  const min = range === 'notBeforeCase' && caseOpenedOn ? caseOpenedOn : EARLIEST_DATE;
  return { min: asInput(min, false), ...(range === 'past' ? { max: asInput(localDay(new Date()), true) } : {}) };
}

/**
 * Date and time fields use the browser's own inputs: Form.io's date picker (flatpickr) would be fetched from its
 * CDN, which the CSP forbids. `customOptions` is merged last into the field's widget settings. Text fields show how
 * many characters are left of the limit the server holds them to (field-limits.ts).
 */
function withNativeDates(components: unknown[], caseOpenedOn?: string): unknown[] {
  return components.map((item) => {
    if (!item || typeof item !== 'object') return item;
    const component = { ...(item as Record<string, unknown>) };
    if (component.type === 'datetime') {
      component.customOptions = { type: 'input' };
      component.inputType = component.enableTime === false ? 'date' : 'datetime-local';
      component.attributes = { ...(component.attributes as object | undefined), ...dateLimits(component, caseOpenedOn, component.enableTime !== false) };
    }
    const maxLength = maxLengthOf(component);
    if (maxLength !== undefined && component.type !== 'datetime') {
      component.validate = { ...(component.validate as object | undefined), maxLength };
      component.showCharCount = true;
    }
    for (const key of ['components', 'columns', 'rows']) {
      if (Array.isArray(component[key])) component[key] = withNativeDates(component[key] as unknown[], caseOpenedOn);
    }
    return component;
  });
}

/** The Form.io renderer with evaluation off, in the chosen language. Loaded lazily (see LazyFormRenderer). */
export default function FormRenderer({ form, org, language, translations, submission, readOnly, onServerSubmit, onSubmit, onDataChange, caseOpenedOn }: Props) {
  setupFormio(org);
  const serverSubmit = useRef(onServerSubmit);
  serverSubmit.current = onServerSubmit;
  const options = useMemo(
    () => ({
      language,
      i18n: { ...(translations ?? {}) },
      readOnly: readOnly ?? false,
      noAlerts: false,
      sanitize: true,
      hooks: {
        // Form.io's hook for validation that only the server can do: errors passed to `next` go through the
        // renderer's own submission-error path (fields marked, the error list shown, the submit button reset).
        customValidation: (value: { data: Record<string, unknown> }, next: Next) => {
          if (!serverSubmit.current) {
            next();
            return;
          }
          serverSubmit.current(value.data).then(
            (details) => next(details?.length ? details.map((detail) => ({ ...detail, context: detail.context ?? {}, level: 'error', fromServer: true })) : undefined),
            (failure: unknown) => next([{ message: String(failure), level: 'error', fromServer: true }]),
          );
        },
      },
    }),
    [language, translations, readOnly],
  );
  const source = useMemo(() => ({ ...form, components: withNativeDates(form.components, caseOpenedOn) }), [form, caseOpenedOn]);

  return (
    <div className="formio-host" lang={language}>
      <Form
        src={source as never}
        submission={submission as never}
        options={options as never}
        onChange={(value) => {
          // A field the person corrects sheds the server's message; the browser's own checks apply again.
          const data = (value as { data?: Record<string, unknown> }).data;
          if (data) onDataChange?.(data);
          const instance = (value as ChangeEvent).changed?.instance;
          if (instance?.serverErrors?.length) {
            instance.serverErrors = [];
            instance.setCustomValidity([], true);
          }
        }}
        onSubmit={(value) => onSubmit?.((value as { data: Record<string, unknown> }).data)}
      />
    </div>
  );
}
