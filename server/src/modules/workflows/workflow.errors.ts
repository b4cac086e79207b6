import { badRequest, conflict } from '../../core/errors/app-error';

/** The errors of the workflows module, one factory per code. */
export const workflowInvalid = (problems: readonly unknown[]) => badRequest('workflow-invalid', { extensions: { problems } });
export const workflowNoUpstream = () => conflict('workflow-no-upstream');
export const workflowUpstreamUnavailable = () => conflict('workflow-upstream-unavailable');
export const workflowMergeConflicts = (conflicts: readonly unknown[], upstreamVersion: number) =>
  conflict('workflow-merge-conflicts', { extensions: { conflicts, upstreamVersion } });
