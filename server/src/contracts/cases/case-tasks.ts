import type { CaseTask } from './case-view.types';

/**
 * Whose task a case's task is. A task the workflow gave the receiver of a referral names the receiving organisation
 * (`orgId`); every other task is the case owner's. Only staff of that organisation see it as theirs, and only they may
 * mark it done: the sender of a referral sees the receiver's task on its case page, but it is not the sender's to do.
 * `caseOrgId` is the case's owner (hex), absent when the reader may not see it.
 */
export function taskIsFor(task: Pick<CaseTask<unknown>, 'orgId'>, caseOrgId: string | undefined, orgId: string): boolean {
  return task.orgId ? task.orgId === orgId : caseOrgId === orgId;
}
