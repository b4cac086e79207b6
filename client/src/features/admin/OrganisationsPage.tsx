import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend, ApiError } from '../../api/http';
import { ApiStatus, PageHeading, useApi } from '../common';
import { asSubject, useSession } from '../session';
import { ExchangeRates } from './ExchangeRates';

interface Organisation {
  id: string;
  slug: string;
  name: string;
  country: string;
  type: string;
  parameters?: Record<string, unknown>;
  oidc?: { issuer: string } | null;
}

function ParameterEditor({ org, onSaved }: { org: Organisation; onSaved: () => void }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const id = useId();
  // Plain values only: a list such as the exchange rates has its own editor and is never sent back from here as text.
  const [values, setValues] = useState(() =>
    Object.fromEntries(Object.entries(org.parameters ?? {}).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)).map(([key, value]) => [key, String(value)])),
  );
  const [status, setStatus] = useState<string>();
  const canEdit = ability.can('update', asSubject('Organisation', { _id: org.id, ...org }), 'parameters');
  async function save() {
    const parameters = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, value === 'true' ? true : value === 'false' ? false : value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value]),
    );
    try {
      await apiSend('PATCH', `/api/organisations/${org.id}`, { parameters });
      setStatus(t('forms.saved'));
      onSaved();
    } catch (failure) {
      setStatus(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }
  const entries = Object.entries(values);
  return (
    <div>
      <h3>{t('organisations.parameters')}</h3>
      {entries.length === 0 && <p>{t('organisations.noParameters')}</p>}
      {entries.map(([key, value]) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{key}</label>
          <input id={`${id}-${key}`} value={value} readOnly={!canEdit} onChange={(event) => setValues({ ...values, [key]: event.target.value })} />
        </div>
      ))}
      {canEdit && (
        <button type="button" onClick={() => void save()}>
          {t('common.save')}
        </button>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}

/** Organisations the user may see, with their jurisdiction parameters (editable where the rules allow). */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Organisation[]>('/api/organisations');
  return (
    <section aria-labelledby="orgs-title">
      <PageHeading id="orgs-title">{t('organisations.title')}</PageHeading>
      <ApiStatus loading={loading} error={error} />
      {(data ?? []).map((org) => (
        <details key={org.id} className="card">
          <summary>
            <strong>{org.name}</strong> ({t(`organisations.types.${org.type}`, { defaultValue: org.type })}, {org.country})
          </summary>
          {org.oidc && <p>{t('organisations.oidc', { issuer: org.oidc.issuer })}</p>}
          <ParameterEditor org={org} onSaved={reload} />
          <ExchangeRates orgId={org.id} />
        </details>
      ))}
    </section>
  );
}
