import { analyseGuard } from './json-logic-guard.validator';
import {
  LEGAL_REPRESENTATIVE_CLAUSE,
  POLICE_COOPERATION_PATTERN,
  consentVariable,
} from './field-rules.constants';
import { hasConjunct, requiresTrue } from './guard-clauses.util';
import { listStages, listTransitions, resolveTarget, type StageEntry } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';

/** The rules of the field (see field-rules.constants.ts), checked structurally on any definition. */
export function checkFieldRules(workflow: WorkflowDefinition, index: Map<string, StageEntry>): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const stages = listStages(workflow);

  if (!stages.some((e) => e.stage.marks?.includes('childBranch'))) {
    problems.push({ path: '/stages', code: 'child-branch-missing' });
  }

  for (const entry of stages) {
    for (const t of listTransitions(entry)) {
      const guard = t.transition.guard;
      if (guard !== undefined) {
        for (const variable of analyseGuard(guard).variables) {
          if (POLICE_COOPERATION_PATTERN.test(variable)) {
            problems.push({ path: `${t.pointer}/guard`, code: 'police-cooperation-guard', params: { variable } });
          }
        }
      }
      // Consent to the recipient before any referral: a transition entering a referral stage from outside it.
      const target = t.transition.target === undefined ? null : resolveTarget(index, entry.path, t.transition.target);
      if (target !== null) {
        for (const referral of referralStagesEntered(index, entry.path, target)) {
          if (!requiresTrue(guard, consentVariable(referral.recipient))) {
            problems.push({
              path: `${t.pointer}/guard`,
              code: 'referral-without-consent',
              params: { recipient: referral.recipient, stage: referral.path },
            });
          }
        }
      }
      if (entry.stage.marks?.includes('planApproval') && t.trigger.kind !== 'done' && !hasConjunct(guard, LEGAL_REPRESENTATIVE_CLAUSE)) {
        problems.push({ path: `${t.pointer}/guard`, code: 'plan-approval-without-representative' });
      }
    }
    // A referral stage entered by default (initial child or region) would skip the consent check.
    if (entry.stage.type !== 'final' && entry.stage.referralTo !== undefined && entry.parentPath !== null) {
      const parent = index.get(entry.parentPath)?.stage;
      if (parent?.type === 'parallel' || (parent?.type === 'compound' && parent.initial === entry.id)) {
        problems.push({ path: `${entry.pointer}/referralTo`, code: 'referral-without-consent', params: { recipient: entry.stage.referralTo, stage: entry.path } });
      }
    }
    if (entry.parentPath === null && entry.id === workflow.initial && entry.stage.type !== 'final' && entry.stage.referralTo) {
      problems.push({ path: `${entry.pointer}/referralTo`, code: 'referral-without-consent', params: { recipient: entry.stage.referralTo, stage: entry.path } });
    }
  }
  return problems;
}

/** Referral stages that the target path lies in and the source does not (entered by the transition). */
function referralStagesEntered(index: Map<string, StageEntry>, source: string, target: string) {
  const out: { path: string; recipient: string }[] = [];
  const parts = target.split('/');
  for (let i = 1; i <= parts.length; i += 1) {
    const path = parts.slice(0, i).join('/');
    const stage = index.get(path)?.stage;
    const inside = source === path || source.startsWith(`${path}/`);
    if (stage && stage.type !== 'final' && stage.referralTo && !inside) out.push({ path, recipient: stage.referralTo });
  }
  return out;
}
