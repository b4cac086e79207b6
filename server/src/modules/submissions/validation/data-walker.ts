import { Utils, type Component } from '@formio/core';
import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord, type JsonRecord } from '../../../core/json/json-guards';
import type { FormComponent } from '../../../contracts/forms/form.types';

export interface DataVisit {
  component: FormComponent;
  /** The object holding the value (the submission data or a datagrid row / container value). */
  holder: JsonRecord;
  key: string;
  /** Path of the value in Form.io's notation, with row indices: `household[1].name`. */
  path: string;
}

/**
 * Visits every value-holding component together with its value in the submitted data, descending into
 * datagrid rows and containers. Unlike core's `eachComponentData` it never skips a scope because its value has
 * the wrong shape: the caller sees the component and decides (the type checker needs exactly those cases).
 * Returning `false` from `visit` stops the descent below that component.
 */
export function walkData(components: unknown, data: JsonRecord, visit: (visit: DataVisit) => boolean | void, prefix = '', depth = 0): void {
  checkWalkDepth(depth);
  for (const component of dataComponents(components)) {
    const key = component.key;
    if (typeof key !== 'string' || key === '') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const descend = visit({ component, holder: data, key, path }) !== false;
    if (!descend) continue;
    const value = data[key];
    const modelType = modelTypeOf(component);
    if (modelType === 'nestedArray' || modelType === 'nestedDataArray') {
      if (!Array.isArray(value)) continue;
      value.forEach((row: unknown, index) => {
        const rowData = modelType === 'nestedDataArray' && isRecord(row) ? row.data : row;
        if (isRecord(rowData)) walkData(component.components, rowData, visit, `${path}[${index}]`, depth + 1);
      });
    } else if (modelType === 'dataObject') {
      if (isRecord(value) && isRecord(value.data)) walkData(component.components, value.data, visit, `${path}.data`, depth + 1);
    } else if (isNestedData(component)) {
      if (isRecord(value)) walkData(component.components, value, visit, path, depth + 1);
    }
  }
}

/** The components whose values sit directly in one data object: layout components are looked through. */
export function* dataComponents(components: unknown, depth = 0): Generator<FormComponent> {
  checkWalkDepth(depth);
  if (!Array.isArray(components)) return;
  for (const item of components) {
    if (!isRecord(item)) continue;
    const component = item as FormComponent;
    const modelType = modelTypeOf(component);
    if (modelType === 'none' || (modelType === 'content' && !component.key)) {
      yield* layoutChildren(component, depth + 1);
      continue;
    }
    if (modelType === 'content' || component.type === 'button') continue;
    if (component.input === false && !isNestedData(component)) continue;
    yield component;
  }
}

function* layoutChildren(component: FormComponent, depth: number): Generator<FormComponent> {
  yield* dataComponents(component.components, depth);
  if (Array.isArray(component.columns)) {
    for (const column of component.columns) if (isRecord(column)) yield* dataComponents(column.components, depth);
  }
  if (Array.isArray(component.rows)) {
    for (const row of component.rows) {
      if (!Array.isArray(row)) continue;
      for (const cell of row) if (isRecord(cell)) yield* dataComponents(cell.components, depth);
    }
  }
}

// Core's answers depend only on the component's own properties, and definitions are kept parsed per revision
// (revision-cache.ts), so they are worked out once per component object instead of on every submission. Core gets a
// shallow copy because it may write to what it is given.
const modelTypes = new WeakMap<object, ReturnType<typeof Utils.getModelType>>();
const nestedData = new WeakMap<object, boolean>();

export function modelTypeOf(component: FormComponent): ReturnType<typeof Utils.getModelType> {
  let modelType = modelTypes.get(component);
  if (modelType === undefined) {
    modelType = Utils.getModelType({ ...component } as unknown as Component);
    modelTypes.set(component, modelType);
  }
  return modelType;
}

function isNestedData(component: FormComponent): boolean {
  let nested = nestedData.get(component);
  if (nested === undefined) {
    nested = Utils.isComponentNestedDataType({ ...component } as unknown as Component);
    nestedData.set(component, nested);
  }
  return nested;
}
