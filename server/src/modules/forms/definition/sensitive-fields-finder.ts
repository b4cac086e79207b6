import { walkComponents } from '../../../contracts/forms/component-walker';
import { isRecord } from '../../../core/json/json-guards';
import type { FormLike } from '../../../contracts/forms/form.types';

export type Sensitivity = 'restricted' | 'confidential';

export interface SensitiveField {
  key: string;
  /** Dotted path in submission data (`household.members.name`; array rows not indexed), as the masks use it. */
  dataPath: string;
  /** Position in the definition. */
  path: string;
  sensitivity: Sensitivity;
}

/**
 * Components tagged `properties.sensitivity` = restricted | confidential. A tag on a datagrid or container covers
 * everything inside it, so its children are not listed separately with a weaker tag.
 */
export function findSensitiveFields(form: FormLike): SensitiveField[] {
  const fields: SensitiveField[] = [];
  for (const walked of walkComponents(form.components)) {
    const properties = walked.component.properties;
    const sensitivity = isRecord(properties) ? properties.sensitivity : undefined;
    if (sensitivity !== 'restricted' && sensitivity !== 'confidential') continue;
    if (!walked.hasValue && !walked.opensDataScope) continue;
    fields.push({ key: walked.component.key ?? '', dataPath: walked.dataPath, path: walked.path, sensitivity });
  }
  return fields;
}
