import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guard } from '@contracts/workflows/workflow-definition.schemas';

const OPERATORS = ['==', '!=', '>', '>=', '<', '<=', 'in'] as const;
interface Clause {
  variable: string;
  operator: (typeof OPERATORS)[number] | 'truthy';
  value: string;
}

/** Reads simple guards (`and` of comparisons on variables) into rows; anything else stays raw JSON. */
function toClauses(guard: Guard | undefined): Clause[] | null {
  if (guard === undefined || guard === true) return [];
  if (typeof guard !== 'object') return null;
  const parts = 'and' in guard && Array.isArray(guard.and) ? (guard.and as unknown[]) : [guard];
  const clauses: Clause[] = [];
  for (const part of parts) {
    if (!part || typeof part !== 'object') return null;
    const [op, args] = Object.entries(part as Record<string, unknown>)[0] ?? [];
    if (op === 'var' && typeof args === 'string') {
      clauses.push({ variable: args, operator: 'truthy', value: '' });
      continue;
    }
    if (!op || !(OPERATORS as readonly string[]).includes(op) || !Array.isArray(args) || args.length !== 2) return null;
    const variable = (args[0] as { var?: unknown })?.var;
    if (typeof variable !== 'string') return null;
    clauses.push({ variable, operator: op as Clause['operator'], value: JSON.stringify(args[1]) });
  }
  return clauses;
}

function toGuard(clauses: Clause[]): Guard | undefined {
  const parts = clauses.map((clause) => {
    if (clause.operator === 'truthy') return { var: clause.variable };
    let value: unknown = clause.value;
    try {
      value = JSON.parse(clause.value);
    } catch {
      value = clause.value;
    }
    return { [clause.operator]: [{ var: clause.variable }, value] };
  });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { and: parts };
}

/** A JSONLogic condition builder over { case, submissions, params, event }, with raw JSON as an option. */
export function GuardEditor({ guard, onChange }: { guard: Guard | undefined; onChange: (guard: Guard | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const parsed = toClauses(guard);
  const [raw, setRaw] = useState(parsed === null);
  const [text, setText] = useState(JSON.stringify(guard ?? true, null, 2));
  const [error, setError] = useState<string>();
  const clauses = parsed ?? [];
  const update = (next: Clause[]) => onChange(toGuard(next));

  if (raw || parsed === null) {
    return (
      <div className="guard-editor">
        <label htmlFor={`${id}-raw`}>{t('workflowEditor.rawJson')}</label>
        <textarea
          id={`${id}-raw`}
          rows={8}
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            try {
              onChange(JSON.parse(event.target.value) as Guard);
              setError(undefined);
            } catch {
              setError(t('workflowEditor.invalidJson'));
            }
          }}
        />
        {error && (
          <p id={`${id}-err`} className="error">
            {error}
          </p>
        )}
        {parsed !== null && (
          <button type="button" onClick={() => setRaw(false)}>
            {t('workflowEditor.useBuilder')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="guard-editor">
      {clauses.length === 0 && <p>{t('workflowEditor.alwaysAllowed')}</p>}
      {clauses.map((clause, index) => (
        <fieldset key={index} className="clause">
          <legend>{t('workflowEditor.condition', { n: index + 1 })}</legend>
          <label>
            {t('workflowEditor.variable')}
            <input value={clause.variable} onChange={(event) => update(clauses.map((c, i) => (i === index ? { ...c, variable: event.target.value } : c)))} />
          </label>
          <label>
            {t('workflowEditor.operator')}
            <select value={clause.operator} onChange={(event) => update(clauses.map((c, i) => (i === index ? { ...c, operator: event.target.value as Clause['operator'] } : c)))}>
              <option value="truthy">{t('workflowEditor.isTrue')}</option>
              {OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
          </label>
          {clause.operator !== 'truthy' && (
            <label>
              {t('workflowEditor.value')}
              <input value={clause.value} onChange={(event) => update(clauses.map((c, i) => (i === index ? { ...c, value: event.target.value } : c)))} />
            </label>
          )}
          <button type="button" onClick={() => update(clauses.filter((_, i) => i !== index))}>
            {t('common.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => update([...clauses, { variable: 'case.', operator: '==', value: 'true' }])}>
        {t('workflowEditor.addCondition')}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setText(JSON.stringify(guard ?? true, null, 2));
          setRaw(true);
        }}
      >
        {t('workflowEditor.editRaw')}
      </button>
    </div>
  );
}
