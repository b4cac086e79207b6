import type { Component } from '@formio/core';
import { Utils } from '@formio/core/utils';
import { checkWalkDepth } from '../json/json-depth';
import { isRecord } from '../json/json-guards';
import type { FormComponent } from './form.types';

export interface WalkedComponent {
  component: FormComponent;
  /** Position in the definition, e.g. `components[2].columns[0].components[1]`: where an editor finds it. */
  path: string;
  /** Dotted key path of the value in submission data, e.g. `household.members.name` (array rows not indexed). */
  dataPath: string;
  /** Data path of the data scope the key lives in ('' for the root); keys must be unique within a scope. */
  scopePath: string;
  /** Key path through every ancestor, layout included: the stable identity used by the revision diff. */
  keyPath: string;
  /** Whether the component stores a value of its own (inputs; not panels, columns, html...). */
  hasValue: boolean;
  /** Whether children of this component store their values inside its value (datagrid, container...). */
  opensDataScope: boolean;
  parent: WalkedComponent | undefined;
}

/**
 * Walks every component, layout included, with its position path. @formio/core's `eachComponent` reports data
 * paths only and skips the column/row wrappers, so it cannot tell an editor *where* in the JSON a problem sits;
 * the data-scope decision itself is delegated to core's `isComponentNestedDataType` so both agree.
 */
export function* walkComponents(components: unknown, basePath = 'components'): Generator<WalkedComponent> {
  yield* walkList(components, basePath, undefined, 0);
}

function* walkList(list: unknown, listPath: string, parent: WalkedComponent | undefined, depth: number): Generator<WalkedComponent> {
  checkWalkDepth(depth);
  if (!Array.isArray(list)) return;
  for (const [index, item] of list.entries()) {
    if (!isRecord(item)) continue;
    const component = item as FormComponent;
    const path = `${listPath}[${index}]`;
    const key = typeof component.key === 'string' ? component.key : '';
    const opensDataScope = isNestedData(component);
    const hasValue = storesValue(component);
    const scopePath = parent ? (parent.opensDataScope ? parent.dataPath : parent.scopePath) : '';
    const dataPath = scopePath ? `${scopePath}.${key}` : key;
    const keyPath = parent ? `${parent.keyPath}.${key}` : key;
    const walked: WalkedComponent = { component, path, dataPath, scopePath, keyPath, hasValue, opensDataScope, parent };
    yield walked;
    yield* walkList(component.components, `${path}.components`, walked, depth + 1);
    if (Array.isArray(component.columns)) {
      for (const [columnIndex, column] of component.columns.entries()) {
        if (isRecord(column)) yield* walkList(column.components, `${path}.columns[${columnIndex}].components`, walked, depth + 1);
      }
    }
    if (Array.isArray(component.rows)) {
      for (const [rowIndex, row] of component.rows.entries()) {
        if (!Array.isArray(row)) continue;
        for (const [cellIndex, cell] of row.entries()) {
          if (isRecord(cell)) yield* walkList(cell.components, `${path}.rows[${rowIndex}][${cellIndex}].components`, walked, depth + 1);
        }
      }
    }
  }
}

function isNestedData(component: FormComponent): boolean {
  // getModelType caches its answer on the object as a hidden property; ask it about a shallow copy instead so
  // that walking a definition never changes it.
  return Utils.isComponentNestedDataType({ ...component } as unknown as Component);
}

function storesValue(component: FormComponent): boolean {
  const modelType = Utils.getModelType({ ...component } as unknown as Component);
  if (modelType === 'none' || modelType === 'content') return false;
  if (component.type === 'button') return false;
  return component.input !== false;
}
