import type { CaseConsent, CasePlan, PlanGoal } from '../../../contracts/cases/case.schemas';
import type { ShareableGroup } from '../../../contracts/referrals/referral.schemas';
import {
  GRID_BINDING_TARGETS,
  SCALAR_BINDING_TARGETS,
  groupsFromAnswers,
  type BindingValueKind,
  type BindingValueMap,
  type FormBinding,
} from '../../../contracts/workflows/form-bindings.schemas';
import { isCalendarDate } from '../../../contracts/forms/field-limits';
import type { BoundField, CaseRecord } from '../storage/case.model';
import { countryCode } from './country-names';

type Data = Record<string, unknown>;
/** What a form's value became: a value for the case, nothing (the field is empty), or a value the case cannot take. */
type Converted = { value: unknown } | 'empty' | 'invalid';

/** The parts of a case that bindings write. */
export type BoundParts = Pick<CaseRecord, 'identity' | 'consents' | 'plan'> & { bound: BoundField[] };

/** The case field a binding target writes, as field-level access rules name it: the needs and obstacles are the plan's. */
export function caseFieldOf(target: string): 'identity' | 'consents' | 'plan' {
  const group = target.split('.')[0];
  return group === 'identity' || group === 'consents' ? group : 'plan';
}

function valueAt(data: unknown, path: string): unknown {
  let node = data;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Data)[key];
  }
  return node;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The answers ticked in a select-boxes field (`{ contact: true, health: false }`), or the values of a list. */
function tickedAnswers(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((item): item is string => typeof item === 'string');
  if (typeof raw === 'string') return raw ? [raw] : [];
  if (typeof raw === 'object' && raw !== null) return Object.entries(raw).filter(([, on]) => on === true).map(([answer]) => answer);
  return [];
}

/** Converts one form value to what the target takes; a value map applies first, to the option value as given. */
export function convertValue(raw: unknown, kind: BindingValueKind, values?: BindingValueMap): Converted {
  // Nothing ticked is a value too: a consent that covers no group, never one that covers every group.
  if (kind.kind === 'groups') return { value: groupsFromAnswers(tickedAnswers(raw), values, kind.values) };
  let value = raw;
  if (values && (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')) {
    const key = String(raw);
    if (Object.hasOwn(values, key)) value = values[key];
    else if (!isEmpty(raw)) return 'invalid';
  }
  if (isEmpty(value)) return 'empty';
  switch (kind.kind) {
    case 'date': {
      if (typeof value !== 'string' || !isCalendarDate(value)) return 'invalid';
      return { value: value.slice(0, 10) };
    }
    case 'age': {
      const age = typeof value === 'string' && /^\d{1,3}$/.test(value.trim()) ? Number(value) : value;
      return typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= 120 ? { value: age } : 'invalid';
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : 'invalid';
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number') return 'invalid';
      const text = String(value).trim();
      if (!text) return 'empty';
      return text.length <= kind.max ? { value: text } : 'invalid';
    }
    case 'country': {
      const code = typeof value === 'string' ? countryCode(value) : undefined;
      return code ? { value: code } : 'invalid';
    }
    case 'languages': {
      const list = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string => typeof item === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(item),
      );
      return list.length ? { value: [...new Set(list)].slice(0, 20) } : 'empty';
    }
    case 'recipient':
      return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(value) ? { value } : 'invalid';
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value) ? { value } : 'invalid';
  }
}

class Writer {
  readonly identity: Data;
  readonly consents: Record<string, CaseConsent>;
  readonly plan: CasePlan;
  bound: BoundField[];

  constructor(record: Pick<CaseRecord, 'identity' | 'consents' | 'plan' | 'workflow'>, private readonly form: string) {
    this.identity = structuredClone(record.identity ?? {});
    this.consents = structuredClone(record.consents ?? {});
    this.plan = structuredClone(record.plan ?? {});
    this.bound = [...(record.workflow.bound ?? [])];
  }

  /** Whether this form fed the target last (then emptying the form's field empties the target). */
  owns(target: string): boolean {
    return this.bound.some((b) => b.target === target && b.form === this.form);
  }

  mark(target: string, fed: boolean): void {
    this.bound = this.bound.filter((b) => b.target !== target);
    if (fed) this.bound.push({ target, form: this.form });
  }

  setScalar(target: string, value: unknown): void {
    const [group, name, sub] = target.split('.') as [string, string, string | undefined];
    if (group === 'identity') {
      if (sub !== undefined) {
        const inner = { ...((this.identity[name] as Data | undefined) ?? {}) };
        if (value === undefined) delete inner[sub];
        else inner[sub] = value;
        if (Object.keys(inner).length) this.identity[name] = inner;
        else delete this.identity[name];
      } else if (value === undefined) {
        if (name === 'ageUncertain') this.identity[name] = false;
        else delete this.identity[name];
      } else this.identity[name] = value;
    } else if (group === 'needs') {
      const needs = { ...(this.plan.needs ?? {}) };
      if (value === undefined) delete needs[name];
      else needs[name] = value as string;
      this.plan.needs = needs;
    } else if (group === 'obstacles') {
      const obstacles = new Set(this.plan.obstacles ?? []);
      if (value === true) obstacles.add(name as never);
      else obstacles.delete(name as never);
      this.plan.obstacles = [...obstacles];
    } else if (name === 'ownGoals' || name === 'nextReviewDate' || name === 'returnCountry') {
      if (value === undefined) delete this.plan[name];
      else this.plan[name] = value as string;
    }
  }
}

function applyScalar(writer: Writer, binding: FormBinding, data: Data | null): void {
  const kind = SCALAR_BINDING_TARGETS[binding.to];
  if (!kind) return;
  const converted = data ? convertValue(valueAt(data, binding.field), kind, binding.values) : 'empty';
  if (converted === 'invalid') return; // A value the case cannot take leaves the case as it was.
  if (converted === 'empty') {
    if (!writer.owns(binding.to)) return; // Never empties what someone typed on the case page.
    writer.setScalar(binding.to, undefined);
    writer.mark(binding.to, false);
    return;
  }
  writer.setScalar(binding.to, converted.value);
  writer.mark(binding.to, true);
}

/** Each row of the grid as the target's columns; a row missing a required column is no item. */
function gridRows(binding: FormBinding, data: Data | null): Array<Record<string, unknown>> {
  const grid = GRID_BINDING_TARGETS[binding.to]!;
  const rows = data ? valueAt(data, binding.field) : undefined;
  if (!Array.isArray(rows)) return [];
  const items: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    const item: Record<string, unknown> = {};
    for (const [name, column] of Object.entries(binding.columns ?? {})) {
      const kind = grid.columns[name];
      if (!kind) continue;
      const converted = convertValue(valueAt(row, column.field), kind, column.values);
      if (typeof converted === 'object') item[name] = converted.value;
    }
    if (grid.required.every((name) => item[name] !== undefined || GRID_DEFAULTS[name] !== undefined)) items.push(item);
  }
  return items;
}

/** An unticked checkbox may be absent from the data: it means no. */
const GRID_DEFAULTS: Readonly<Record<string, unknown>> = { given: false };

/**
 * The consents the form records, per recipient; recipients it recorded before and no longer lists are removed. Where
 * the binding maps the form's "what may be shared" answers (its `groups` column), each consent records the field
 * groups it covers; without that column it covers every group.
 */
function applyConsents(writer: Writer, binding: FormBinding, data: Data | null): void {
  const rows = gridRows(binding, data);
  const withGroups = binding.columns?.groups !== undefined;
  const listed = new Set<string>();
  for (const row of rows) {
    const recipient = row.recipient as string;
    const given = row.given === true;
    const withdrawn = given && row.withdrawn === true;
    listed.add(recipient);
    // As the consent panel stores it (ConsentSchema): a withdrawn consent is not given.
    writer.consents[recipient] = {
      given: given && !withdrawn,
      givenOn: given ? ((row.givenOn as string | undefined) ?? null) : null,
      withdrawn,
      withdrawnOn: withdrawn ? ((row.withdrawnOn as string | undefined) ?? null) : null,
      ...(withGroups && given ? { groups: (row.groups as ShareableGroup[] | undefined) ?? [] } : {}),
    };
    writer.mark(`consents.${recipient}`, true);
  }
  for (const fed of writer.bound.filter((b) => b.form === binding.form && b.target.startsWith('consents.'))) {
    const recipient = fed.target.slice('consents.'.length);
    if (listed.has(recipient)) continue;
    delete writer.consents[recipient];
    writer.mark(fed.target, false);
  }
}

/** The plan's actions are the form's rows, in their order. */
function applyGoals(writer: Writer, binding: FormBinding, data: Data | null): void {
  const rows = gridRows(binding, data);
  if (!rows.length && !writer.owns(binding.to)) return;
  const goals: PlanGoal[] = rows.map((row, index) => ({
    id: `a${index + 1}`,
    stop: row.stop as PlanGoal['stop'],
    description: row.description as string,
    ...(row.provider !== undefined ? { provider: row.provider as string } : {}),
    ...(row.owner !== undefined ? { owner: row.owner as string } : {}),
    ...(row.startDate !== undefined ? { startDate: row.startDate as string } : {}),
    ...(row.dueDate !== undefined ? { dueDate: row.dueDate as string } : {}),
    status: (row.status as PlanGoal['status'] | undefined) ?? 'planned',
  }));
  writer.plan.goals = goals;
  writer.mark(binding.to, rows.length > 0);
}

/**
 * What a form's latest submission makes of the case through the workflow's bindings. `data` is that submission's
 * data, or null when the form has no submission left (then whatever the form fed is taken back). Fields the form
 * leaves empty take back only what this form fed before, never what someone entered on the case page; a value the
 * case cannot take (a nationality no country is called) changes nothing.
 */
export function applyFormBindings(
  record: Pick<CaseRecord, 'identity' | 'consents' | 'plan' | 'workflow'>,
  bindings: readonly FormBinding[],
  form: string,
  data: Data | null,
): BoundParts | null {
  const mine = bindings.filter((binding) => binding.form === form);
  if (!mine.length) return null;
  const writer = new Writer(record, form);
  for (const binding of mine) {
    if (binding.to === 'consents') applyConsents(writer, binding, data);
    else if (binding.to === 'plan.goals') applyGoals(writer, binding, data);
    else applyScalar(writer, binding, data);
  }
  return { identity: writer.identity, consents: writer.consents, plan: writer.plan, bound: writer.bound };
}
