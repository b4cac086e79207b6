import { isDeepStrictEqual } from 'node:util';
import { submissionFieldsForbidden, submissionKeyNotStorable } from '../submission.errors';
import type { SensitiveField } from '../../forms';
import type { JsonRecord } from '../../../core/json/json-guards';
import { hasDataAt, unstorableKeys, valuesAt } from './data-paths';

/** On create: no value at all for a field the user may not write. */
export function refuseNewValues(data: JsonRecord, forbidden: readonly SensitiveField[]): void {
  const written = forbidden.filter((field) => hasDataAt(data, field.dataPath));
  if (written.length > 0) throw submissionFieldsForbidden(written);
}

/** On update: the stored value may come back unchanged (or be left out), never a different one. */
export function refuseChangedValues(sent: JsonRecord, stored: JsonRecord, forbidden: readonly SensitiveField[]): void {
  const changed = forbidden.filter(
    (field) => hasDataAt(sent, field.dataPath) && !isDeepStrictEqual(valuesAt(sent, field.dataPath), valuesAt(stored, field.dataPath)),
  );
  if (changed.length > 0) throw submissionFieldsForbidden(changed);
}

/** The database cannot store some keys (a select-boxes option value with a dot, for instance): say which. */
export function ensureStorable(data: JsonRecord): void {
  const keys = unstorableKeys(data);
  if (keys.length > 0) throw submissionKeyNotStorable(keys);
}
