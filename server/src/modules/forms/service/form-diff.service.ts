import { notFound } from '../../../core/errors/app-error';
import type { ServiceContext } from '../../access';
import { diffFormDefinitions, type DiffableForm } from '../revisions/form-definition-differ';
import type { FormRef } from './form-access';
import { getForm } from './form.service';
import { loadRevision } from './revision-store';

/** Components added, removed and changed (with paths) between two revisions of one form. */
export async function diffRevisions(ctx: ServiceContext, ref: FormRef, from: number, to: number) {
  const { form, revision: after } = await getForm(ctx, ref, to);
  if (from < 1 || from > form.latestRevision) throw notFound();
  const before = from === to ? after : await loadRevision(ctx.db, form._id, from);
  return { from, to, ...diffFormDefinitions(before.definition as unknown as DiffableForm, after.definition as unknown as DiffableForm) };
}
