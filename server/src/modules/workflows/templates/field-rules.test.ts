import { analyseGuard } from '../definition/json-logic-guard.validator';
import { LEGAL_REPRESENTATIVE_CLAUSE, POLICE_COOPERATION_PATTERN, consentVariable } from '../definition/field-rules.constants';
import { hasConjunct, requiresTrue } from '../definition/guard-clauses.util';
import { listStages, listTransitions, resolveTarget, stageIndex } from '../../../contracts/workflows/stage-tree.util';
import { ADULT_SUBMISSIONS, WorkflowWalker, loadTemplate, parametersOf } from '../../../../../test/helpers/workflow-walker';

const TEMPLATES = [
  ['finland-municipality', 'fi'],
  ['denmark-cmm', 'dk'],
  ['iom-return', 'hu'],
  ['shelter-reintegration', 'mk'],
] as const;

describe.each(TEMPLATES)('rules of the field in %s', (id, jurisdiction) => {
  const def = loadTemplate(id);
  const index = stageIndex(def);
  const transitions = listStages(def).flatMap((e) => listTransitions(e));

  it('never guards a transition on cooperation with the police, reporting or proceedings', () => {
    const variables = transitions.flatMap((t) => (t.transition.guard === undefined ? [] : analyseGuard(t.transition.guard).variables));
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((v) => POLICE_COOPERATION_PATTERN.test(v))).toEqual([]);
    expect(JSON.stringify(transitions.map((t) => t.transition.guard ?? null))).not.toMatch(/police|cooperat|report/i);
  });

  it.each([
    ['under 18', { age: 16, ageUncertain: false, isChild: true }],
    ['of uncertain age', { age: 20, ageUncertain: true, isChild: false }],
  ])('sends a person %s into the child branch', (_label, person) => {
    const w = new WorkflowWalker(def, { person }, ADULT_SUBMISSIONS, parametersOf(jurisdiction));
    const childBranches = listStages(def).filter((e) => e.stage.marks?.includes('childBranch')).map((e) => e.path);
    expect(childBranches.some((p) => w.entered.includes(p))).toBe(true);
  });

  it('approves a plan of assistance only with a legal representative for a presumed child', () => {
    const approvals = listStages(def).filter((e) => e.stage.marks?.includes('planApproval'));
    expect(approvals.length).toBeGreaterThan(0);
    for (const e of approvals) {
      for (const t of listTransitions(e)) expect(hasConjunct(t.transition.guard, LEGAL_REPRESENTATIVE_CLAUSE)).toBe(true);
    }
  });

  it('requires consent to the recipient before every referral to another organisation', () => {
    const referrals = listStages(def).filter((e) => e.stage.type !== 'final' && 'referralTo' in e.stage && e.stage.referralTo);
    expect(referrals.length).toBeGreaterThan(0);
    for (const referral of referrals) {
      const recipient = (referral.stage as { referralTo: string }).referralTo;
      const entering = transitions.filter((t) => {
        const target = t.transition.target && resolveTarget(index, t.sourcePath, t.transition.target);
        const inside = t.sourcePath === referral.path || t.sourcePath.startsWith(`${referral.path}/`);
        return !inside && target && (target === referral.path || target.startsWith(`${referral.path}/`));
      });
      expect(entering.length).toBeGreaterThan(0);
      for (const t of entering) expect({ at: t.pointer, ok: requiresTrue(t.transition.guard, consentVariable(recipient)) }).toEqual({ at: t.pointer, ok: true });
    }
  });
});
