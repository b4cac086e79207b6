import { isValidObjectId, Types } from 'mongoose';
import { notFound } from '../../../core/errors/app-error';
import { checkWalkDepth } from '../../../core/json/json-depth';
import { withPermission, type ServiceContext } from '../../access';
import { submissionModel } from '../storage/submission.model';
import { loadRevision } from '../../forms';

/** What of a component a reader of answers needs: its place, its question and its options; no logic, no rules. */
const KEPT = ['type', 'key', 'label', 'input', 'values', 'tree'] as const;

function questionsOf(components: unknown, depth = 0): unknown[] {
  checkWalkDepth(depth);
  if (!Array.isArray(components)) return [];
  return components.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const component = item as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const key of KEPT) if (component[key] !== undefined) kept[key] = component[key];
    const data = component.data as { values?: unknown } | undefined;
    if (Array.isArray(data?.values)) kept.data = { values: data.values };
    if (Array.isArray(component.components)) kept.components = questionsOf(component.components, depth + 1);
    if (Array.isArray(component.columns)) {
      kept.columns = component.columns.map((column: unknown) => ({ components: questionsOf((column as { components?: unknown } | null)?.components, depth + 1) }));
    }
    if (Array.isArray(component.rows)) {
      kept.rows = component.rows.map((row: unknown) =>
        Array.isArray(row) ? row.map((cell: unknown) => ({ components: questionsOf((cell as { components?: unknown } | null)?.components, depth + 1) })) : row,
      );
    }
    return [kept];
  });
}

/**
 * `GET /api/submissions/:id/questions`: for whoever may read the submission, the questions of the revision it is
 * pinned to (labels and option labels, in the reader's language through the form's translations), so the answers
 * read as words even for a reader who may not open the form's design (the police liaison).
 */
export async function submissionQuestions(ctx: ServiceContext, id: string, language: string) {
  if (!isValidObjectId(id)) throw notFound();
  const filter = withPermission(ctx.auth.ability, 'read', 'Submission', { _id: new Types.ObjectId(id), deletedAt: null });
  const submission = await submissionModel(ctx.db).findOne(filter, { formId: 1, revision: 1 }).lean();
  if (!submission) throw notFound();
  const revision = await loadRevision(ctx.db, submission.formId, submission.revision);
  const translations = (revision.translations as Record<string, Record<string, string> | undefined>)[language] ?? {};
  return { title: revision.definition.title, components: questionsOf(revision.definition.components), translations };
}
