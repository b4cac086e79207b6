import { isValidObjectId } from 'mongoose';
import { forbidden, notFound } from '../../../core/errors/app-error';
import { can, withPermission, type ServiceContext, type Action } from '../../access';
import { caseModel, type CaseRecord } from '../storage/case.model';

/** The case if this user may read it; otherwise the same 404 as for a case that does not exist. */
export async function readableCase(ctx: ServiceContext, id: string): Promise<CaseRecord> {
  if (!isValidObjectId(id)) throw notFound();
  const record = await caseModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Case', { _id: id })).lean();
  if (!record) throw notFound();
  return record;
}

/** A readable case that the user may not act on this way: 403, since its existence is no secret to this user. */
export function ensureCaseAction(ctx: ServiceContext, record: CaseRecord, action: Action, fields: string[] = []): void {
  const refused = fields.length
    ? fields.filter((field) => !can(ctx.auth.ability, action, 'Case', record, field))
    : can(ctx.auth.ability, action, 'Case', record)
      ? []
      : [action];
  if (refused.length > 0) throw forbidden(refused);
}
