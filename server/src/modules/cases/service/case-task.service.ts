import { notFound, orVersionConflict, versionConflict } from '../../../core/errors/app-error';
import { taskIsFor } from '../../../contracts/cases/case-tasks';
import { taskAlreadyDone, taskOfAnotherOrganisation } from '../case.errors';
import { auditedWrite } from '../../audit';
import { auditActor, type ServiceContext } from '../../access';
import { ensureCaseAction, readableCase } from './case-access';
import { presentCase } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { commitCase } from './case-writer';

/**
 * Marks one of the case's tasks (made by the workflow's create-task and schedule-review actions) as done. Tasks live
 * in the workflow group, so doing one needs the right to update that group; the case's version guards against a
 * concurrent change, and the timeline records who did which task. A task is its organisation's alone: the sender of a
 * referral sees the receiver's task on its case page, and may update the case's workflow, but the task is not its to do.
 */
export async function completeCaseTask(rt: CaseRuntime, ctx: ServiceContext, id: string, taskId: string, input: { version: number }) {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'update', ['workflow']);
  const task = record.workflow.tasks.find((item) => item.id === taskId);
  if (!task) throw notFound();
  if (!taskIsFor(task, record.orgId.toHexString(), ctx.auth.org._id.toHexString())) throw taskOfAnotherOrganisation();
  if (task.status === 'done') throw taskAlreadyDone();
  if (record.version !== input.version) throw versionConflict();
  const now = rt.clock.now();
  const by = ctx.auth.user._id.toHexString();
  const workflow = {
    ...record.workflow,
    tasks: record.workflow.tasks.map((item) => (item.id === taskId ? { ...item, status: 'done' as const, doneAt: now, doneBy: by } : item)),
    timeline: [...record.workflow.timeline, { at: now, type: 'task-done', by, detail: task.titleKey }],
  };
  const committed = await auditedWrite(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Case', subjectId: id }, async () =>
    orVersionConflict(await commitCase(rt, record, { set: { workflow }, notifications: [] })),
  );
  return presentCase(ctx, committed, now).body;
}
