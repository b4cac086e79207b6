import { walkComponents } from '../forms/component-walker';

/** A field of a form as a binding sees it: where its value lives and, for choices, the option values it can hold. */
export interface CatalogField {
  dataPath: string;
  type: string;
  /** Option values of a radio, select or select-boxes field. */
  options?: string[];
}

function optionsOf(component: Record<string, unknown>): string[] | undefined {
  const own = component.values;
  const data = (component.data as { values?: unknown } | undefined)?.values;
  const list = Array.isArray(own) && own.length > 0 ? own : Array.isArray(data) ? data : undefined;
  if (!list) return undefined;
  return list.map((item) => (item as { value?: unknown }).value).filter((value): value is string => typeof value === 'string');
}

/**
 * Every field of a form that stores a value, by data path (`consents.recipient` for a column of the `consents` grid).
 * The workflow validator checks bindings against it; the workflow editor offers its paths and options.
 */
export function formFieldCatalog(components: unknown): Map<string, CatalogField> {
  const fields = new Map<string, CatalogField>();
  for (const walked of walkComponents(components)) {
    if (!walked.hasValue || !walked.dataPath) continue;
    const component = walked.component as Record<string, unknown>;
    const options = optionsOf(component);
    fields.set(walked.dataPath, { dataPath: walked.dataPath, type: String(component.type ?? ''), ...(options ? { options } : {}) });
  }
  return fields;
}
