import { permittedFields, type AppAbility, submissionFieldFor, type Action } from '../../access';
import type { SensitiveField } from '../../forms';
import type { JsonRecord } from '../../../core/json/json-guards';
import { hasDataAt, removeDataPath } from './data-paths';

/** What the access rules test on a submission (its conditions and its field groups). */
export interface SubmissionSubject {
  orgId: unknown;
  caseId?: unknown;
  assignees?: unknown[];
  sharedWith?: unknown[];
  formPath?: string;
}

/** The sensitive fields whose field group (restrictedData / confidentialData) this ability may not use for `action`. */
export function forbiddenSensitiveFields(
  ability: AppAbility,
  action: Action,
  record: SubmissionSubject,
  sensitive: readonly SensitiveField[],
): SensitiveField[] {
  if (sensitive.length === 0) return [];
  const allowed = new Set(permittedFields(ability, action, 'Submission', record));
  return sensitive.filter((field) => !allowed.has(submissionFieldFor(field.sensitivity)));
}

/** A copy of the data without the values of the given fields. */
export function withoutFields(data: JsonRecord, fields: readonly SensitiveField[]): JsonRecord {
  if (fields.length === 0) return data;
  const copy = structuredClone(data);
  for (const field of fields) removeDataPath(copy, field.dataPath);
  return copy;
}

/** Keys (never values) of the sensitive fields that hold a value in `data`: what the audit entry names. */
export function filledSensitiveKeys(data: JsonRecord, sensitive: readonly SensitiveField[]): string[] {
  return sensitive.filter((field) => hasDataAt(data, field.dataPath)).map((field) => field.key);
}
