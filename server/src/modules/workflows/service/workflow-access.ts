import { notFound } from '../../../core/errors/app-error';
import { withPermission, type ServiceContext, type Action } from '../../access';
import { isValidObjectId } from 'mongoose';
import { workflowModel, type WorkflowRecord } from '../storage/workflow.model';

/**
 * Loads an organisation workflow the user may act on; anything else is the same 404 as a missing one. `projection`
 * leaves out fields the caller does not use (never one the permission rules name: the filter decides in the database).
 */
export async function loadWorkflow(ctx: ServiceContext, id: string, action: Action = 'read', projection?: Record<string, 0>): Promise<WorkflowRecord> {
  if (!isValidObjectId(id)) throw notFound();
  const found = await workflowModel(ctx.db).findOne(withPermission(ctx.auth.ability, action, 'Workflow', { _id: id }), projection).lean();
  if (!found) throw notFound();
  return found;
}
