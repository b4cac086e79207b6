import { useEffect, useRef, useState } from 'react';
import { apiSend, ApiError, type FormioDetail } from '../../api/http';
import { LazyFormRenderer, type RenderedForm } from '../formio';
import { Bilingual, type Voice } from './Bilingual';

export interface PersonForm {
  id: string;
  definition: RenderedForm;
  translations: Record<string, Record<string, string>>;
  /** The published revision shown: the read-aloud audio is asked for by it. */
  revision: { number: number };
}

/**
 * The consent and information form in the person's language (the form's own translations, as the caseworker's
 * form page uses them), which the person may fill in and save to their case. It stays one column even side by side:
 * a second Form.io renderer of the same form repeats its element ids, so labels would point at the wrong copy.
 */
export function ConsentForPerson({ form, caseId, org, person }: { form: PersonForm; caseId: string; org: string; person: Voice }) {
  const [saved, setSaved] = useState(false);
  const host = useRef<HTMLDivElement>(null);

  // Form.io marks a required radio group's wrapper (role="group") with aria-required, which ARIA allows only on the
  // inputs: the mark moves to the group's inputs, so screen readers still announce it and axe finds nothing serious.
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const fix = () => {
      for (const group of element.querySelectorAll('[role="group"][aria-required]')) {
        const required = group.getAttribute('aria-required');
        group.removeAttribute('aria-required');
        for (const input of group.querySelectorAll('input')) input.setAttribute('aria-required', required ?? 'true');
      }
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(element, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-required'] });
    return () => observer.disconnect();
  }, []);

  async function submit(data: Record<string, unknown>): Promise<FormioDetail[] | undefined> {
    try {
      await apiSend('POST', `/api/forms/${encodeURIComponent(form.id)}/submissions`, { data, caseId });
      return undefined;
    } catch (failure) {
      if (failure instanceof ApiError && failure.problem.details?.length) return failure.problem.details;
      return [{ message: failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure), path: [] }];
    }
  }

  return (
    <div ref={host}>
    <Bilingual
      person={person}
      render={({ t, lang }) => (
          <>
            {saved && (
              <p role="status" className="person-saved">
                {t('consentSaved')}
              </p>
            )}
            <LazyFormRenderer key={lang} form={form.definition} org={org} language={lang} translations={form.translations} onServerSubmit={submit} onSubmit={() => setSaved(true)} />
          </>
      )}
    />
    </div>
  );
}
