import { AppError, badRequest } from '../../../core/errors/app-error';
import type { FormioErrorDetail } from '../submission/formio-error-detail.types';
import type { SensitiveField } from '../submission/sensitive-fields-finder';
import type { JsonRecord } from '../shared/json-guards';
import { isDeepStrictEqual } from 'node:util';
import { hasDataAt, unstorableKeys, valuesAt } from './data-paths';

/** Form.io's validation failure: the renderer shows `details` next to the fields. */
export function submissionInvalid(details: FormioErrorDetail[]): AppError {
  return new AppError(400, 'submission-invalid', { extensions: { name: 'ValidationError', details } });
}

export function fieldsForbidden(fields: readonly SensitiveField[]): AppError {
  return new AppError(403, 'submission-fields-forbidden', {
    extensions: { paths: fields.map((field) => field.dataPath), keys: fields.map((field) => field.key) },
  });
}

/** On create: no value at all for a field the user may not write. */
export function refuseNewValues(data: JsonRecord, forbidden: readonly SensitiveField[]): void {
  const written = forbidden.filter((field) => hasDataAt(data, field.dataPath));
  if (written.length > 0) throw fieldsForbidden(written);
}

/** On update: the stored value may come back unchanged (or be left out), never a different one. */
export function refuseChangedValues(sent: JsonRecord, stored: JsonRecord, forbidden: readonly SensitiveField[]): void {
  const changed = forbidden.filter(
    (field) => hasDataAt(sent, field.dataPath) && !isDeepStrictEqual(valuesAt(sent, field.dataPath), valuesAt(stored, field.dataPath)),
  );
  if (changed.length > 0) throw fieldsForbidden(changed);
}

/** The database cannot store some keys (a select-boxes option value with a dot, for instance): say which. */
export function ensureStorable(data: JsonRecord): void {
  const keys = unstorableKeys(data);
  if (keys.length > 0) throw badRequest('submission-key-not-storable', { extensions: { paths: keys } });
}
