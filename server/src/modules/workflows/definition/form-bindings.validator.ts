import {
  GRID_BINDING_TARGETS,
  SCALAR_BINDING_TARGETS,
  type BindingValueKind,
  type BindingValueMap,
  type FormBinding,
} from '../../../contracts/workflows/form-bindings.schemas';
import type { CatalogField } from '../../../contracts/workflows/form-field-catalog';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';

/** The fields of each form where the workflow will run, by form path; a form missing here is not checked field by field. */
export type FormFieldCatalogs = ReadonlyMap<string, ReadonlyMap<string, CatalogField>>;

/** Whether a value map's value can be stored in a target of this kind. */
function fitsKind(kind: BindingValueKind, value: BindingValueMap[string]): boolean {
  if (Array.isArray(value)) return kind.kind === 'groups' && value.every((group) => kind.values.includes(group));
  switch (kind.kind) {
    case 'groups':
      return false; // an answer names a list of groups
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'age':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 120;
    case 'recipient':
      return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_-]*$/.test(value);
    default:
      return typeof value === 'string';
  }
}

function checkValueMap(
  values: BindingValueMap | undefined,
  kind: BindingValueKind,
  field: CatalogField | undefined,
  pointer: string,
  problems: WorkflowProblem[],
): void {
  for (const [from, to] of Object.entries(values ?? {})) {
    if (!fitsKind(kind, to)) problems.push({ path: `${pointer}/values/${from}`, code: 'binding-invalid-value', params: { value: String(to) } });
    if (field?.options && !field.options.includes(from)) {
      problems.push({ path: `${pointer}/values/${from}`, code: 'unknown-form-option', params: { field: field.dataPath, option: from } });
    }
  }
}

function lookUpField(
  fields: ReadonlyMap<string, CatalogField> | undefined,
  dataPath: string,
  form: string,
  pointer: string,
  problems: WorkflowProblem[],
): CatalogField | undefined {
  if (!fields) return undefined;
  const field = fields.get(dataPath);
  if (!field) problems.push({ path: `${pointer}/field`, code: 'unknown-form-field', params: { formPath: form, field: dataPath } });
  return field;
}

/**
 * Checks a workflow's bindings: the form exists, the field exists in it (when its fields are known), a grid target
 * gets the grid's columns it needs and a value target none, every mapped value fits its target and every mapped
 * option exists in the form, and no target is fed twice (which form would win would be a matter of timing).
 */
export function checkBindings(
  bindings: readonly FormBinding[],
  formPaths: ReadonlySet<string>,
  catalogs: FormFieldCatalogs | undefined,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const seen = new Map<string, number>();
  bindings.forEach((binding, i) => {
    const pointer = `/bindings/${i}`;
    const first = seen.get(binding.to);
    if (first !== undefined) problems.push({ path: `${pointer}/to`, code: 'duplicate-binding', params: { target: binding.to, first: `/bindings/${first}` } });
    else seen.set(binding.to, i);
    if (!formPaths.has(binding.form)) {
      problems.push({ path: `${pointer}/form`, code: 'unknown-form', params: { formPath: binding.form } });
      return;
    }
    const fields = catalogs?.get(binding.form);
    const field = lookUpField(fields, binding.field, binding.form, pointer, problems);
    const grid = GRID_BINDING_TARGETS[binding.to];
    if (!grid) {
      if (binding.columns !== undefined) problems.push({ path: `${pointer}/columns`, code: 'binding-columns', params: { target: binding.to, reason: 'value-target' } });
      checkValueMap(binding.values, SCALAR_BINDING_TARGETS[binding.to]!, field, pointer, problems);
      return;
    }
    if (binding.values !== undefined) problems.push({ path: `${pointer}/values`, code: 'binding-columns', params: { target: binding.to, reason: 'grid-target' } });
    if (field && field.type !== 'datagrid' && field.type !== 'editgrid') {
      problems.push({ path: `${pointer}/field`, code: 'binding-columns', params: { target: binding.to, reason: 'not-a-grid' } });
    }
    const columns = binding.columns ?? {};
    for (const required of grid.required) {
      if (!columns[required]) problems.push({ path: `${pointer}/columns`, code: 'binding-columns', params: { target: binding.to, column: required, reason: 'missing-column' } });
    }
    for (const [name, column] of Object.entries(columns)) {
      const at = `${pointer}/columns/${name}`;
      const kind = grid.columns[name];
      if (!kind) {
        problems.push({ path: at, code: 'binding-columns', params: { target: binding.to, column: name, reason: 'unknown-column' } });
        continue;
      }
      const columnField = lookUpField(fields, `${binding.field}.${column.field}`, binding.form, at, problems);
      checkValueMap(column.values, kind, columnField, at, problems);
    }
  });
  return problems;
}
