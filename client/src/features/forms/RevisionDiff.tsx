import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '../../api/http';
import { ApiStatus, formatDate, useApi } from '../common';
import { LazyFormRenderer } from '../formio';
import { useSession } from '../session';
import { diffForms, type DefaultsOf } from './form-diff';
import type { FormDetail, FormRevision } from './form.types';

/**
 * Revisions (`GET /api/forms/:id/revisions[/:n]`): the list, any one of them rendered as it was saved (a preview, as
 * on the Preview tab: Form.io's read-only rendering fails axe), and a visual diff of two of them, by component path.
 */
export function RevisionDiff({ form }: { form: FormDetail }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const id = useId();
  const list = useApi<{ items: FormRevision[] }>(`/api/forms/${form.id}/revisions`);
  const revisions = itemsOf(list.data);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [shown, setShown] = useState<number>();
  const a = useApi<FormDetail>(from ? `/api/forms/${form.id}/revisions/${from}` : null);
  const b = useApi<FormDetail>(to ? `/api/forms/${form.id}/revisions/${to}` : null);
  const old = useApi<FormDetail>(shown ? `/api/forms/${form.id}/revisions/${shown}` : null);
  // Form.io's component defaults come with its (lazily loaded) chunk; without them the diff compares the JSON as stored.
  const [defaultsOf, setDefaultsOf] = useState<{ of?: DefaultsOf }>();
  useEffect(() => {
    import('../formio/component-defaults').then(
      (module) => setDefaultsOf({ of: module.componentDefaults }),
      () => setDefaultsOf({}),
    );
  }, []);
  // Only the revisions picked now: a pick still loading must not be compared with the previous answer.
  const diff =
    defaultsOf && a.data && b.data && a.data.revision.number === from && b.data.revision.number === to
      ? diffForms(a.data.definition.components, b.data.definition.components, defaultsOf.of)
      : undefined;
  const picker = (label: string, value: number | undefined, set: (n: number | undefined) => void, suffix: string) => (
    <div className="field">
      <label htmlFor={`${id}-${suffix}`}>{label}</label>
      <select id={`${id}-${suffix}`} value={value ?? ''} onChange={(event) => set(event.target.value ? Number(event.target.value) : undefined)}>
        <option value="">—</option>
        {revisions.map((revision) => (
          <option key={revision.number} value={revision.number}>
            {t('forms.revisionN', { n: revision.number, date: formatDate(revision.createdAt, i18n.language, true) })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('forms.tab.revisions')}</h2>
        <ApiStatus loading={list.loading} error={list.error} />
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forms.revision')}</th>
              <th scope="col">{t('forms.savedAt')}</th>
              <th scope="col">{t('forms.note')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.number}>
                <th scope="row">
                  {revision.number}
                  {revision.current && <> <span className="status-tag">{t('forms.publishedTag')}</span></>}
                </th>
                <td>{formatDate(revision.createdAt, i18n.language, true)}</td>
                <td>{revision.note}</td>
                <td>
                  <button type="button" aria-pressed={shown === revision.number} onClick={() => setShown(revision.number)}>
                    {t('forms.showRevision', { n: revision.number })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={`${id}-compare`}>
        <h2 id={`${id}-compare`}>{t('forms.compareTitle')}</h2>
        <div className="filters">
          {picker(t('forms.compareFrom'), from, setFrom, 'from')}
          {picker(t('forms.compareTo'), to, setTo, 'to')}
        </div>
        <ApiStatus loading={a.loading || b.loading} error={a.error ?? b.error} />
        {diff && <h3 id={`${id}-diff`}>{t('forms.diffTitle', { from, to })}</h3>}
        {diff && (
          <ul className="diff" aria-labelledby={`${id}-diff`}>
            {diff.added.map((path) => (
              <li key={`a-${path}`} className="added">
                <span className="status-tag">{t('diff.added')}</span> <code>{path}</code>
              </li>
            ))}
            {diff.removed.map((path) => (
              <li key={`r-${path}`} className="removed">
                <span className="status-tag">{t('diff.removed')}</span> <code>{path}</code>
              </li>
            ))}
            {diff.changed.map((change) => (
              <li key={`c-${change.path}`} className="changed">
                <span className="status-tag">{t('diff.changed')}</span> <code>{change.path}</code>: {change.properties.join(', ')}
              </li>
            ))}
            {diff.added.length + diff.removed.length + diff.changed.length === 0 && <li>{t('diff.none')}</li>}
          </ul>
        )}
      </section>

      {shown !== undefined && (
        <section aria-labelledby={`${id}-shown`}>
          <h2 id={`${id}-shown`}>{t('forms.revisionAsSaved', { n: shown })}</h2>
          <ApiStatus loading={old.loading} error={old.error} />
          {old.data && old.data.revision.number === shown && (
            <LazyFormRenderer
              key={shown}
              form={old.data.definition}
              org={session?.org.slug ?? ''}
              language={i18n.language}
              translations={old.data.translations}
            />
          )}
        </section>
      )}
    </div>
  );
}
