import { isValidObjectId, type Types } from 'mongoose';
import { notFound } from '../../../core/errors/app-error';
import { withPermission } from '../../access/permissions';
import type { ServiceContext } from '../../access/service-context';
import type { Action } from '../../access/subjects';
import { formModel, type Form } from '../models/form.model';

/** A form is addressed by id or by its path within the active organisation. */
export type FormRef = { id: string } | { path: string };

/** Forms are always those of the active organisation, and then only those the rules allow. */
export function formFilter(ctx: ServiceContext, action: Action, filter: Record<string, unknown> = {}) {
  return withPermission(ctx.auth.ability, action, 'Form', { orgId: ctx.auth.org._id, ...filter });
}

export function refFilter(ref: FormRef): Record<string, unknown> {
  if ('id' in ref) {
    if (!isValidObjectId(ref.id)) throw notFound();
    return { _id: ref.id };
  }
  return { path: ref.path };
}

/** The form, or the same 404 whether it is missing, another organisation's, or hidden by the rules. */
export async function findForm(ctx: ServiceContext, action: Action, ref: FormRef): Promise<Form> {
  const form = await formModel(ctx.db).findOne(formFilter(ctx, action, refFilter(ref))).lean();
  if (!form) throw notFound();
  return form;
}

export const idOf = (id: Types.ObjectId) => id.toHexString();
