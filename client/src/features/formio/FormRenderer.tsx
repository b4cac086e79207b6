import { Form } from '@formio/react';
import { useEffect, useMemo, useRef } from 'react';
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
  /** Server validation details (Form.io shape), shown next to their fields. */
  serverErrors?: FormioDetail[];
  onSubmit?: (data: Record<string, unknown>) => void;
}

type FormInstance = {
  /** What Form.io itself calls when its own submission request fails: marks the fields and lists the errors. */
  onSubmissionError(error: { details: unknown[] }): unknown;
  language: string;
};

/** The Form.io renderer with evaluation off, in the chosen language. Loaded lazily (see LazyFormRenderer). */
export default function FormRenderer({ form, org, language, translations, submission, readOnly, serverErrors, onSubmit }: Props) {
  setupFormio(org);
  const instance = useRef<FormInstance | null>(null);
  const options = useMemo(
    () => ({ language, i18n: { ...(translations ?? {}) }, readOnly: readOnly ?? false, noAlerts: false, sanitize: true }),
    [language, translations, readOnly],
  );
  const source = useMemo(() => ({ ...form, components: form.components }), [form]);

  useEffect(() => {
    if (!instance.current || !serverErrors?.length) return;
    instance.current.onSubmissionError({
      details: serverErrors.map((detail) => ({
        message: detail.message,
        path: detail.path,
        context: detail.context ?? {},
        level: 'error',
        fromServer: true,
      })),
    });
  }, [serverErrors]);

  return (
    <div className="formio-host" lang={language}>
      <Form
        src={source as never}
        submission={submission as never}
        options={options as never}
        onFormReady={(ready) => {
          instance.current = ready as unknown as FormInstance;
        }}
        onSubmit={(value) => onSubmit?.((value as { data: Record<string, unknown> }).data)}
      />
    </div>
  );
}
