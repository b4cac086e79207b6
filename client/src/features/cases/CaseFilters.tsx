import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_LIST_SORTS, type CaseFilter, type CaseListSort } from './cases.api';

interface Props {
  filter: CaseFilter;
  stages: Array<{ id: string; label: string }>;
  onChange: (filter: CaseFilter) => void;
}

export function CaseFilters({ filter, stages, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const sortNames: Record<CaseListSort, string> = {
    '-updatedAt': t('cases.sorts.lastChanged'),
    '-createdAt': t('cases.sorts.newest'),
    createdAt: t('cases.sorts.oldest'),
    reference: t('cases.sorts.reference'),
  };
  const set = <K extends keyof CaseFilter>(key: K, value: CaseFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <form className="filters" role="search" aria-label={t('cases.filters')} onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('cases.scope')}</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={filter.scope === 'mine'} onChange={() => set('scope', 'mine')} />
          {t('cases.mine')}
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={filter.scope === 'all'} onChange={() => set('scope', 'all')} />
          {t('cases.all')}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-stage`}>{t('cases.stage')}</label>
        <select id={`${id}-stage`} value={filter.stage} onChange={(event) => set('stage', event.target.value)}>
          <option value="">{t('cases.anyStage')}</option>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-assigned`}>{t('cases.assigned')}</label>
        <select id={`${id}-assigned`} value={filter.assigned} onChange={(event) => set('assigned', event.target.value as CaseFilter['assigned'])}>
          <option value="">{t('cases.anyone')}</option>
          <option value="me">{t('cases.assignedToMe')}</option>
          <option value="unassigned">{t('cases.unassigned')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('cases.search')}</label>
        <input id={`${id}-q`} type="search" value={filter.q} onChange={(event) => set('q', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('cases.sortBy')}</label>
        <select id={`${id}-sort`} value={filter.sort} onChange={(event) => set('sort', event.target.value as CaseListSort)}>
          {CASE_LIST_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {sortNames[sort]}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filter.overdue} onChange={(event) => set('overdue', event.target.checked)} />
        {t('cases.overdueOnly')}
      </label>
    </form>
  );
}
