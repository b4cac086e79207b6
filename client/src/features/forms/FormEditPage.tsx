import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router-dom';
import { apiSend, ApiError } from '../../api/http';
import { ApiStatus, PageHeading, useApi } from '../common';
import { LazyFormBuilder, LazyFormRenderer } from '../formio';
import { LanguagePicker } from './LanguagePicker';
import { useSession } from '../session';
import type { FormDetail } from './form.types';
import { RevisionDiff } from './RevisionDiff';
import { TranslationEditor } from './TranslationEditor';

const TABS = ['build', 'preview', 'translations', 'revisions'] as const;

/** One form, at its newest revision: builder, preview in any language, translations, revisions; save creates a revision, publish makes it current. */
export function FormEditPage() {
  const { formId = '', tab = 'build' } = useParams();
  const { t } = useTranslation();
  const { session, ability } = useSession();
  const { data: form, error, loading, reload } = useApi<FormDetail>(`/api/forms/${encodeURIComponent(formId)}?revision=latest`);
  const draft = useRef<{ components: unknown[] } | null>(null);
  const [status, setStatus] = useState<string>();
  const [previewLanguage, setPreviewLanguage] = useState('en');
  const onChange = useCallback((next: { components: unknown[] }) => {
    draft.current = next;
  }, []);
  const report = (failure: unknown) =>
    setStatus(failure instanceof ApiError ? [failure.problem.detail || failure.problem.title, ...(failure.problem.problems ?? []).map((p) => `${p.path}: ${p.message ?? p.code ?? ''}`)].join(' · ') : String(failure));

  async function save() {
    if (!form || !draft.current) return;
    try {
      const saved = await apiSend<FormDetail>('PUT', `/api/forms/${form.id}`, {
        definition: { ...form.definition, components: draft.current.components },
        version: form.version,
      });
      draft.current = null;
      setStatus(t('forms.savedRevision', { n: saved.revision.number }));
      reload();
    } catch (failure) {
      report(failure);
    }
  }
  async function publish() {
    if (!form) return;
    try {
      const published = await apiSend<FormDetail>('POST', `/api/forms/${form.id}/publish`, { revision: form.latestRevision, version: form.version });
      setStatus(t('forms.publishedRevision', { n: published.publishedRevision }));
      reload();
    } catch (failure) {
      report(failure);
    }
  }

  return (
    <section aria-labelledby="form-edit-title">
      <PageHeading
        id="form-edit-title"
        actions={
          form && (
            <>
              {tab === 'build' && ability.can('update', 'Form') && (
                <button type="button" onClick={() => void save()}>
                  {t('common.save')}
                </button>
              )}
              {ability.can('publish', 'Form') && (
                <button type="button" className="primary" onClick={() => void publish()}>
                  {t('forms.publish')}
                </button>
              )}
            </>
          )
        }
      >
        {form?.title ?? t('forms.title')}
      </PageHeading>
      {form && (
        <p>
          {t('forms.revisionState', { latest: form.latestRevision, published: form.publishedRevision ?? t('forms.notPublished') })}
        </p>
      )}
      <nav aria-label={t('forms.sections')} className="tabs">
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <NavLink to={`/forms/${formId}/${name}`}>{t(`forms.tab.${name}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {status && <p role="status">{status}</p>}
      <ApiStatus loading={loading} error={error} />
      {form && tab === 'build' && <LazyFormBuilder org={session?.org.slug ?? ''} initialForm={form.definition} onChange={onChange} />}
      {form && tab === 'preview' && (
        <>
          <LanguagePicker value={previewLanguage} onChange={setPreviewLanguage} label={t('forms.previewLanguage')} />
          <LazyFormRenderer key={previewLanguage} form={form.definition} org={session?.org.slug ?? ''} language={previewLanguage} translations={form.translations} />
        </>
      )}
      {form && tab === 'translations' && <TranslationEditor form={form} onSaved={reload} />}
      {form && tab === 'revisions' && <RevisionDiff form={form} />}
    </section>
  );
}
