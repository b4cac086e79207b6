import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseSummary } from '@contracts/cases/case-view.types';
import { apiGet, apiSend, ApiError, type ProblemItem } from '../../api/http';
import { PageHeading, useApi, ErrorMessage } from '../common';
import { useSession } from '../session';
import { offeredJurisdictions } from '@contracts/workflows/jurisdiction-choices';

interface WorkflowChoice {
  id: string;
  key: string;
  latestVersion: number;
  definition?: { jurisdiction: string; jurisdictions?: string[] };
}

type Duplicate = CaseSummary & { matched: Array<'alias' | 'birthDate' | 'age' | 'nationality'> };

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Opens a new case: first the organisation's cases that may be the same person are searched (alias, date of birth
 * or estimated age, nationality; `GET /api/cases/duplicates`), then the case is opened on one of the organisation's
 * workflows with the alias, age, nationality and languages (`POST /api/cases`).
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const navigate = useNavigate();
  const { ability } = useSession();
  const ids = {
    alias: useId(), birthDate: useId(), age: useId(), uncertain: useId(), nationality: useId(), languages: useId(), workflow: useId(), jurisdiction: useId(),
  };
  const workflows = useApi<{ items: WorkflowChoice[] }>(ability.can('read', 'Workflow') ? '/api/workflows' : null);
  const templates = useApi<{ items: Array<{ key: string; usable: boolean; jurisdictions?: string[] }> }>('/api/workflows/templates');
  const choices = [
    ...(workflows.data?.items ?? []).filter((w) => w.latestVersion > 0).map((w) => ({
      value: w.id,
      label: tw(`${w.key}.title`, { defaultValue: w.key }),
      jurisdictions: w.definition ? offeredJurisdictions(w.definition) : [],
    })),
    ...[...new Map((templates.data?.items ?? []).filter((tpl) => tpl.usable).map((tpl) => [tpl.key, tpl])).values()].map((tpl) => ({
      value: tpl.key,
      label: t('newCase.template', { name: tw(`${tpl.key}.title`, { defaultValue: tpl.key }) }),
      jurisdictions: tpl.jurisdictions ?? [],
    })),
  ];
  const [alias, setAlias] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [age, setAge] = useState('');
  const [uncertain, setUncertain] = useState(false);
  const [nationality, setNationality] = useState('');
  const [languages, setLanguages] = useState('');
  const [workflowId, setWorkflowId] = useState('');
  // The country of return, where the chosen workflow offers several (each with its own eligibility and grant).
  const [jurisdiction, setJurisdiction] = useState('');
  const offered = choices.find((choice) => choice.value === workflowId)?.jurisdictions ?? [];
  const [duplicates, setDuplicates] = useState<Duplicate[]>();
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const nationalityCode = nationality.trim().toUpperCase();
  const languageCodes = languages.split(/[\s,]+/).map((code) => code.trim().toLowerCase()).filter(Boolean);
  const searchKey = JSON.stringify([alias.trim(), birthDate, age, nationalityCode]);
  const problems = () => {
    const found: string[] = [];
    if (!alias.trim()) found.push(t('newCase.missingAlias'));
    if (alias.trim().length > 100) found.push(t('newCase.aliasTooLong'));
    if (birthDate && birthDate > today()) found.push(t('newCase.birthDateFuture'));
    if (age && !(/^\d+$/.test(age) && Number(age) <= 120)) found.push(t('newCase.ageRange'));
    if (nationalityCode && !/^[A-Z]{2}$/.test(nationalityCode)) found.push(t('newCase.nationalityFormat'));
    if (languageCodes.some((code) => !/^[a-z]{2,3}$/.test(code))) found.push(t('newCase.languagesFormat'));
    return found;
  };
  const fail = (failure: unknown) =>
    setError(
      failure instanceof ApiError
        ? [failure.problem.detail || failure.problem.title, ...(failure.problem.problems ?? []).map((p: ProblemItem) => `${p.path}: ${p.message ?? ''}`)].join(' ')
        : String(failure),
    );

  async function search(event: FormEvent) {
    event.preventDefault();
    const found = problems();
    setError(found.length ? found.join(' ') : undefined);
    if (found.length) return;
    const params = new URLSearchParams({ alias: alias.trim() });
    if (birthDate) params.set('birthDate', birthDate);
    if (age) params.set('estimatedAge', age);
    if (nationalityCode) params.set('nationality', nationalityCode);
    setBusy(true);
    try {
      setDuplicates((await apiGet<{ items: Duplicate[] }>(`/api/cases/duplicates?${params.toString()}`)).items);
      setSearched(searchKey);
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  }

  async function open() {
    const found = [...problems(), ...(workflowId ? [] : [t('newCase.missingWorkflow')])];
    setError(found.length ? found.join(' ') : undefined);
    if (found.length) return;
    setBusy(true);
    try {
      const identity = {
        ageUncertain: uncertain,
        languages: languageCodes,
        ...(birthDate ? { birthDate } : {}),
        ...(age ? { estimatedAge: Number(age) } : {}),
        ...(nationalityCode ? { nationality: nationalityCode } : {}),
      };
      const chosen = offered.length > 1 ? jurisdiction || offered[0] : undefined;
      const created = await apiSend<{ id: string }>('POST', '/api/cases', { alias: alias.trim(), workflowId, identity, ...(chosen ? { jurisdiction: chosen } : {}) });
      void navigate(`/cases/${created.id}`, { state: { message: t('newCase.opened') } });
    } catch (failure) {
      fail(failure);
      setBusy(false);
    }
  }

  const matchWords = (matched: Duplicate['matched']) => matched.map((criterion) => t(`newCase.matched.${criterion}`)).join(', ');
  return (
    <section aria-labelledby="new-case-title">
      <PageHeading id="new-case-title">{t('newCase.title')}</PageHeading>
      <p>{t('newCase.intro')}</p>
      <form className="new-case" onSubmit={(event) => void search(event)} noValidate>
        <ErrorMessage>{error}</ErrorMessage>
        <div className="field">
          <label htmlFor={ids.alias}>{t('newCase.alias')}</label>
          <input id={ids.alias} value={alias} maxLength={100} required aria-describedby={`${ids.alias}-hint`} onChange={(e) => setAlias(e.target.value)} />
          <p id={`${ids.alias}-hint`} className="hint">
            {t('newCase.aliasHint', { left: 100 - alias.length })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.birthDate}>{t('newCase.birthDate')}</label>
          <input id={ids.birthDate} type="date" max={today()} min="1900-01-01" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.age}>{t('newCase.estimatedAge')}</label>
          <input id={ids.age} type="number" min={0} max={120} inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} />
        </div>
        <div className="field checkbox">
          <input id={ids.uncertain} type="checkbox" checked={uncertain} onChange={(e) => setUncertain(e.target.checked)} />
          <label htmlFor={ids.uncertain}>{t('newCase.ageUncertain')}</label>
        </div>
        <div className="field">
          <label htmlFor={ids.nationality}>{t('newCase.nationality')}</label>
          <input id={ids.nationality} value={nationality} maxLength={2} aria-describedby={`${ids.nationality}-hint`} onChange={(e) => setNationality(e.target.value)} />
          <p id={`${ids.nationality}-hint`} className="hint">
            {t('newCase.nationalityHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.languages}>{t('newCase.languages')}</label>
          <input id={ids.languages} value={languages} aria-describedby={`${ids.languages}-hint`} onChange={(e) => setLanguages(e.target.value)} />
          <p id={`${ids.languages}-hint`} className="hint">
            {t('newCase.languagesHint')}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {t('newCase.search')}
        </button>
      </form>
      {duplicates && (
        <section aria-labelledby="duplicates-title" className="panel">
          <h2 id="duplicates-title">{t('newCase.duplicatesTitle')}</h2>
          {duplicates.length === 0 ? (
            <p>{t('newCase.noDuplicates')}</p>
          ) : (
            <ul>
              {duplicates.map((item) => (
                <li key={item.id}>
                  <Link to={`/cases/${item.id}`}>{item.reference ?? item.id}</Link> {item.alias} — {t('newCase.matchedOn', { criteria: matchWords(item.matched) })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {duplicates && searched === searchKey && (
        <section aria-labelledby="open-title" className="panel">
          <h2 id="open-title">{t('newCase.openTitle')}</h2>
          <div className="field">
            <label htmlFor={ids.workflow}>{t('newCase.workflow')}</label>
            <select id={ids.workflow} value={workflowId} onChange={(e) => { setWorkflowId(e.target.value); setJurisdiction(''); }}>
              <option value="">{t('newCase.chooseWorkflow')}</option>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          {offered.length > 1 && (
            <div className="field">
              <label htmlFor={ids.jurisdiction}>{t('newCase.jurisdiction')}</label>
              <select id={ids.jurisdiction} value={jurisdiction || offered[0]} onChange={(e) => setJurisdiction(e.target.value)}>
                {offered.map((code) => (
                  <option key={code} value={code}>
                    {tw(`jurisdictions.${code}.name`, { defaultValue: code })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" className="primary" disabled={busy} onClick={() => void open()}>
            {duplicates.length ? t('newCase.openAnyway') : t('newCase.open')}
          </button>
        </section>
      )}
    </section>
  );
}
