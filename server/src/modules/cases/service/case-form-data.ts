import type { Connection, Types } from 'mongoose';
import { isDuplicateKey } from '../../../core/db/write-claim';
import type { CaseWorkflow } from '../storage/case.model';
import { caseFormDataModel, formDataKey } from '../storage/case-form-data.model';

type RecordedSubmission = CaseWorkflow['submissions'][number];
type FormData = Record<string, unknown>;

/** A submission's data already in memory (the one being applied), so its row is not read back right after writing it. */
export interface KnownFormData {
  submissionId: string;
  data: FormData;
}

/**
 * Per form path, the submission whose data guards see: the latest one the case has recorded, by when it was stored
 * (when the case recorded it, for entries older than that field), then by the order they were recorded in. A
 * retried old submission therefore never hides a later one, and deleting the latest shows the one before it.
 */
export function latestPerForm(recorded: readonly RecordedSubmission[]): Map<string, string> {
  const time = (entry: RecordedSubmission) => new Date(entry.submittedAt ?? entry.at).getTime();
  const latest = new Map<string, RecordedSubmission>();
  for (const entry of recorded) {
    const current = latest.get(entry.formPath);
    if (!current || time(entry) >= time(current)) latest.set(entry.formPath, entry);
  }
  return new Map([...latest].map(([formPath, entry]) => [formPath, entry.submissionId]));
}

/**
 * What guards read as `submissions`: the data of the latest recorded submission of each form. Only those rows are
 * read, each by its key, and not the one already in memory.
 */
export async function guardFormData(
  db: Connection,
  caseId: Types.ObjectId,
  recorded: readonly RecordedSubmission[],
  known?: KnownFormData,
): Promise<Record<string, FormData>> {
  const Rows = caseFormDataModel(db);
  const latest = [...latestPerForm(recorded)];
  const data = await Promise.all(
    latest.map(async ([, submissionId]) => {
      if (submissionId === known?.submissionId) return known.data;
      const row = await Rows.findById(formDataKey(caseId, submissionId), { dataText: 1 }).lean();
      return row ? (JSON.parse(row.dataText) as FormData) : undefined;
    }),
  );
  const result: Record<string, FormData> = {};
  latest.forEach(([formPath], index) => {
    if (data[index] !== undefined) result[formPath] = data[index];
  });
  return result;
}

/**
 * Stores a submission's data at `version` unless its row already holds that version or a newer one (a late or
 * repeated report then changes nothing: the conditional upsert finds no older row and its insert hits the key).
 */
export async function writeFormData(
  db: Connection,
  caseId: Types.ObjectId,
  row: { submissionId: string; formPath: string; version: number; data: FormData; at: Date },
): Promise<void> {
  try {
    await caseFormDataModel(db).updateOne(
      { _id: formDataKey(caseId, row.submissionId), version: { $lt: row.version } },
      { $set: { caseId, submissionId: row.submissionId, formPath: row.formPath, version: row.version, dataText: JSON.stringify(row.data), at: row.at } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

export async function removeFormData(db: Connection, caseId: Types.ObjectId, submissionId: string): Promise<void> {
  await caseFormDataModel(db).deleteOne({ _id: formDataKey(caseId, submissionId) });
}
