import { readableById, type ServiceContext } from '../../access';
import { workflowModel } from '../storage/workflow.model';

/**
 * The workflows among `ids` this reader may read, by their title in the reader's language (a clone keeps its
 * upstream's key, so its title too), with the key, since a municipality's clone and its template share the title.
 */
export async function nameWorkflows(ctx: ServiceContext, ids: string[]): Promise<Map<string, { text: string; detail: string }>> {
  const workflows = await readableById(workflowModel(ctx.db), ctx.auth.ability, 'Workflow', ids, { key: 1, orgId: 1 });
  return new Map([...workflows].map(([id, workflow]) => [id, { text: ctx.t(`workflows:${workflow.key}.title`, { defaultValue: workflow.key }), detail: workflow.key }]));
}
