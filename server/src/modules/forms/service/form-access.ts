import { isValidObjectId, type Types } from 'mongoose';
import { notFound } from '../../../core/errors/app-error';
import { ensureCan, withPermission, type ServiceContext, type Action } from '../../access';
import { formModel, type Form } from '../storage/form.model';
import { cachedForm, rememberForm } from './form-cache';

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

/**
 * The form, or the same 404 whether it is missing, another organisation's, or hidden by the rules.
 * One form is fetched by its key within the active organisation and the rules are checked on it in memory: the same
 * decision as the rules' query (CASL evaluates both from the same rules), but a plain key lookup the database can
 * answer from its index, where the combined $and query made FerretDB read and filter every form (the slowest step of
 * creating a submission in `npm run bench`).
 */
export async function findForm(ctx: ServiceContext, action: Action, ref: FormRef): Promise<Form> {
  const form = await formModel(ctx.db).findOne({ ...refFilter(ref), orgId: ctx.auth.org._id }).lean();
  return checkedForm(ctx, action, form);
}

/**
 * findForm for creating submissions: the form may come from form-cache.ts (seconds old at most, forgotten on every
 * change in this process). The rules are checked on every call, cached or not.
 */
export async function findFormForSubmission(ctx: ServiceContext, ref: FormRef): Promise<Form> {
  const key = `${ctx.auth.org._id.toHexString()}:${'id' in ref ? `id:${ref.id}` : `path:${ref.path}`}`;
  let form = cachedForm(ctx.db, key);
  if (!form) {
    form = checkedForm(ctx, 'read', await formModel(ctx.db).findOne({ ...refFilter(ref), orgId: ctx.auth.org._id }).lean());
    rememberForm(ctx.db, key, form);
  }
  return checkedForm(ctx, 'read', form);
}

function checkedForm(ctx: ServiceContext, action: Action, form: Form | null): Form {
  if (!form || !form.orgId.equals(ctx.auth.org._id)) throw notFound();
  ensureCan(ctx.auth.ability, action, 'Form', form);
  return form;
}

export const idOf = (id: Types.ObjectId) => id.toHexString();
