import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BINDING_TARGETS,
  GRID_BINDING_TARGETS,
  SCALAR_BINDING_TARGETS,
  type BindingValueMap,
  type FormBinding,
} from '@contracts/workflows/form-bindings.schemas';

/** Column labels of the grid targets, by the texts the case page already uses where it has them. */
const COLUMN_LABELS: Record<string, string> = {
  recipient: 'bindings.columns.recipient',
  given: 'bindings.columns.given',
  givenOn: 'bindings.columns.givenOn',
  withdrawn: 'bindings.columns.withdrawn',
  withdrawnOn: 'bindings.columns.withdrawnOn',
  groups: 'bindings.columns.groups',
  stop: 'plan.stop',
  description: 'plan.action',
  provider: 'plan.provider',
  owner: 'plan.owner',
  startDate: 'planPdf.start',
  dueDate: 'plan.due',
  status: 'plan.status',
};

const TARGET_LABELS: Record<string, string> = {
  'identity.birthDate': 'bindings.targets.birthDate',
  'identity.estimatedAge': 'bindings.targets.estimatedAge',
  'identity.ageUncertain': 'profile.ageUncertain',
  'identity.nationality': 'profile.nationality',
  'identity.languages': 'profile.languages',
  'identity.literacy': 'profile.literacy',
  'identity.contact.phone': 'profile.phone',
  'plan.ownGoals': 'plan.goals',
  'plan.nextReviewDate': 'plan.nextReview',
  'plan.returnCountry': 'grant.country',
  consents: 'caseDetail.consents',
  'plan.goals': 'plan.actions',
};

export function useTargetName(): (target: string) => string {
  const { t } = useTranslation();
  return (target) => {
    const [group, name] = target.split('.');
    if (group === 'needs') return t('bindings.targets.need', { stop: t(`plan.stops.${name}`) });
    if (group === 'obstacles') return t('bindings.targets.obstacle', { obstacle: t(`plan.obstacles.${name}`) });
    return TARGET_LABELS[target] ? t(TARGET_LABELS[target]) : target;
  };
}

/** `yes: literate` per line, as an administrator reads and writes a value map. */
function valuesText(values: BindingValueMap | undefined): string {
  return Object.entries(values ?? {})
    .map(([from, to]) => `${from}: ${String(to)}`)
    .join('\n');
}

/** Reads the lines back; `true`/`false` and whole numbers become what a boolean or age field stores. */
function parseValues(text: string): BindingValueMap | undefined {
  const entries = text
    .split('\n')
    .map((line) => line.split(':').map((part) => part.trim()))
    .filter((parts) => parts.length === 2 && parts[0] && parts[1])
    .map(([from, to]) => [from!, to === 'true' ? true : to === 'false' ? false : /^\d+$/.test(to!) ? Number(to) : to!] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function BindingRow({
  binding,
  forms,
  problems,
  onChange,
  onRemove,
}: {
  binding: FormBinding;
  forms: string[];
  problems: string[];
  onChange: (binding: FormBinding) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const targetName = useTargetName();
  const id = useId();
  const grid = GRID_BINDING_TARGETS[binding.to];
  const [values, setValues] = useState(valuesText(binding.values));
  return (
    <tr>
      <td>
        <select aria-label={t('bindings.form')} value={binding.form} onChange={(event) => onChange({ ...binding, form: event.target.value })}>
          {forms.map((form) => (
            <option key={form} value={form}>
              {t(`formTitles.${form}`, { defaultValue: form })}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input aria-label={t('bindings.field')} value={binding.field} onChange={(event) => onChange({ ...binding, field: event.target.value.trim() })} />
      </td>
      <td>
        <select aria-label={t('bindings.caseField')} value={binding.to} onChange={(event) => onChange({ form: binding.form, field: binding.field, to: event.target.value })}>
          {BINDING_TARGETS.map((target) => (
            <option key={target} value={target}>
              {targetName(target)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {grid ? (
          <dl className="binding-columns">
            {Object.keys(grid.columns).map((column) => (
              <div key={column}>
                <dt>
                  <label htmlFor={`${id}-${column}`}>{t(COLUMN_LABELS[column] ?? column)}</label>
                </dt>
                <dd>
                  <input
                    id={`${id}-${column}`}
                    value={binding.columns?.[column]?.field ?? ''}
                    onChange={(event) => {
                      const columns = { ...(binding.columns ?? {}) };
                      const field = event.target.value.trim();
                      if (field) columns[column] = { ...columns[column], field };
                      else delete columns[column];
                      onChange({ ...binding, columns });
                    }}
                  />
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <textarea
            aria-label={t('bindings.values')}
            rows={Math.max(1, Math.min(5, values.split('\n').length))}
            value={values}
            onChange={(event) => {
              setValues(event.target.value);
              const parsed = parseValues(event.target.value);
              const next = { ...binding };
              if (parsed) next.values = parsed;
              else delete next.values;
              onChange(next);
            }}
          />
        )}
        {problems.length > 0 && (
          <ul className="error">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <button type="button" onClick={onRemove} aria-label={t('bindings.remove', { target: targetName(binding.to) })}>
          {t('common.remove')}
        </button>
      </td>
    </tr>
  );
}

/**
 * The workflow's bindings from form fields to case fields (form-bindings.schemas.ts): which form, which of its fields
 * (a data path such as `ageYears`; for the consents and the plan's actions the data grid and its columns), which case
 * field, and how the form's option values become the case's (`yes: literate`). The server checks every binding when
 * the workflow is saved and names the problems with their paths, shown beside the binding.
 */
export function FormBindings({
  bindings,
  forms,
  problems,
  onChange,
}: {
  bindings: FormBinding[];
  forms: string[];
  problems: Array<{ path: string; code?: string; message?: string }>;
  onChange: (bindings: FormBinding[]) => void;
}) {
  const { t } = useTranslation();
  const targetName = useTargetName();
  const [form, setForm] = useState(forms[0] ?? '');
  const [field, setField] = useState('');
  const [to, setTo] = useState<string>(Object.keys(SCALAR_BINDING_TARGETS)[0]!);
  const problemsOf = (index: number) =>
    problems.filter((problem) => problem.path === `/bindings/${index}` || problem.path.startsWith(`/bindings/${index}/`)).map((problem) => problem.message ?? problem.code ?? '');
  return (
    <section aria-labelledby="bindings-title" className="form-bindings">
      <h2 id="bindings-title">{t('bindings.title')}</h2>
      <p className="hint">{t('bindings.intro')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('bindings.form')}</th>
              <th scope="col">{t('bindings.field')}</th>
              <th scope="col">{t('bindings.caseField')}</th>
              <th scope="col">{t('bindings.values')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bindings.map((binding, index) => (
              <BindingRow
                key={`${index}-${binding.to}`}
                binding={binding}
                forms={forms.includes(binding.form) ? forms : [binding.form, ...forms]}
                problems={problemsOf(index)}
                onChange={(next) => onChange(bindings.map((item, i) => (i === index ? next : item)))}
                onRemove={() => onChange(bindings.filter((_, i) => i !== index))}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="field inline">
        <select aria-label={t('bindings.newForm')} value={form} onChange={(event) => setForm(event.target.value)}>
          {forms.map((path) => (
            <option key={path} value={path}>
              {t(`formTitles.${path}`, { defaultValue: path })}
            </option>
          ))}
        </select>
        <input aria-label={t('bindings.newField')} value={field} onChange={(event) => setField(event.target.value.trim())} />
        <select aria-label={t('bindings.newCaseField')} value={to} onChange={(event) => setTo(event.target.value)}>
          {BINDING_TARGETS.map((target) => (
            <option key={target} value={target}>
              {targetName(target)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!form || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(field)}
          onClick={() => {
            onChange([...bindings, { form, field, to }]);
            setField('');
          }}
        >
          {t('bindings.add')}
        </button>
      </div>
    </section>
  );
}
