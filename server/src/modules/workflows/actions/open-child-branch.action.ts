import { z } from 'zod';
import { defineAction } from './action.types';
import { roleParam } from './action-params.schemas';

export const openChildBranchAction = defineAction({
  id: 'open-child-branch',
  paramsSchema: z.strictObject({ childWelfareRole: roleParam, legalRepresentativeRequired: z.boolean() }),
  describe: (p) => [
    { type: 'childBranch.open', legalRepresentativeRequired: p.legalRepresentativeRequired },
    { type: 'notification.send', role: p.childWelfareRole, messageKey: 'workflows:actions.open-child-branch.message' },
    { type: 'form.require', formPath: 'child-welfare', role: p.childWelfareRole },
    // A child needs a legal representative before anything is decided for them: someone is given the task at once.
    ...(p.legalRepresentativeRequired
      ? [{ type: 'task.create' as const, titleKey: 'workflows:actions.open-child-branch.appointLegalRepresentative', assigneeRole: p.childWelfareRole }]
      : []),
  ],
});
