import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { useApi } from '../common/use-api';
import { diffForms } from './form-walk';
import type { FormDetail, FormRevision } from './form.types';

type RevisionBody = Pick<FormDetail, 'definition'>;
import { itemsOf } from '../../api/http';

/** Revisions (`GET /api/forms/:id/revisions[/:n]`) and a visual diff of two of them, by component. */
export function RevisionDiff({ form }: { form: FormDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const list = useApi<{ items: FormRevision[] }>(`/api/forms/${form.id}/revisions`);
  const revisions = itemsOf(list.data);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const a = useApi<RevisionBody>(from ? `/api/forms/${form.id}/revisions/${from}` : null);
  const b = useApi<RevisionBody>(to ? `/api/forms/${form.id}/revisions/${to}` : null);
  const diff = a.data && b.data ? diffForms(a.data.definition.components, b.data.definition.components) : undefined;
  const picker = (label: string, value: number | undefined, set: (n: number) => void, suffix: string) => (
    <div className="field">
      <label htmlFor={`${id}-${suffix}`}>{label}</label>
      <select id={`${id}-${suffix}`} value={value ?? ''} onChange={(event) => set(Number(event.target.value))}>
        <option value="">—</option>
        {revisions.map((revision) => (
          <option key={revision.number} value={revision.number}>
            {t('forms.revisionN', { n: revision.number, date: formatDate(revision.createdAt, i18n.language) })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div>
      <div className="filters">
        {picker(t('forms.compareFrom'), from, setFrom, 'from')}
        {picker(t('forms.compareTo'), to, setTo, 'to')}
      </div>
      {diff && (
        <ul className="diff">
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
    </div>
  );
}
