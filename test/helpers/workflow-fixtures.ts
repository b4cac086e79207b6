import { LEGAL_REPRESENTATIVE_CLAUSE, PRESUMED_CHILD } from '../../server/src/modules/workflows/testing';
import type { WorkflowDefinition } from '../../server/src/contracts/workflows/workflow-definition.schemas';
import type { CaseContext, EvaluationContext } from '../../server/src/modules/workflows';

/** Shared by the unit tests: a small workflow with every construct, and case contexts. Fictional data only. */
export const FIXTURE_FORM_PATHS: ReadonlySet<string> = new Set([
  'needs-assessment',
  'child-welfare',
  'integration-checkpoints',
  'plan-of-assistance',
  'consent-information',
]);

export const FIXTURE_PARAMETERS: Record<string, unknown> = {
  reflectionPeriod: 'P30D',
  planReviewFirstInterval: 'P4W',
  planReviewFirstPhase: 'P3M',
  planReviewInterval: 'P3M',
};

export function fixtureWorkflow(): WorkflowDefinition {
  return {
    id: 'fixture',
    version: 1,
    titleKey: 'workflows:fixture.title',
    jurisdiction: 'fi',
    initial: 'intake',
    stages: {
      intake: {
        type: 'atomic',
        requiredForms: ['needs-assessment'],
        roles: [{ role: 'caseOwner', duty: 'responsible' }],
        always: [
          {
            target: 'childBranch',
            guard: PRESUMED_CHILD,
            actions: [{ id: 'open-child-branch', params: { childWelfareRole: 'childWelfareWorker', legalRepresentativeRequired: true } }],
          },
          { target: 'referral', guard: { '!': PRESUMED_CHILD } },
        ],
      },
      childBranch: {
        type: 'atomic',
        marks: ['childBranch'],
        requiredForms: ['child-welfare'],
        on: { childAssessed: [{ target: 'referral' }] },
      },
      referral: {
        type: 'atomic',
        on: {
          referToNas: [
            { target: 'nas', guard: { '==': [{ var: 'case.consents.nas.given' }, true] }, actions: [{ id: 'notify-role', params: { role: 'nasCoordinator', messageKey: 'workflows:fixture.messages.referral' } }] },
          ],
          skipNas: [{ target: 'plan' }],
        },
      },
      nas: { type: 'atomic', referralTo: 'nas', on: { nasAdmitted: [{ target: 'plan' }] } },
      plan: {
        type: 'atomic',
        marks: ['planApproval'],
        requiredForms: ['plan-of-assistance'],
        on: { planApproved: [{ target: 'services', guard: LEGAL_REPRESENTATIVE_CLAUSE }] },
      },
      services: {
        type: 'parallel',
        deadlines: [
          {
            id: 'reflectionPeriod',
            kind: 'deadline',
            anchor: { caseDate: 'reflectionDecision' },
            after: { parameter: 'reflectionPeriod' },
            event: 'reflectionPeriodEnded',
            remindBefore: ['P7D'],
          },
          {
            id: 'planReview',
            kind: 'reminder',
            anchor: { stageEntry: true },
            schedule: [
              { every: { parameter: 'planReviewFirstInterval' }, for: { parameter: 'planReviewFirstPhase' } },
              { every: { parameter: 'planReviewInterval' } },
            ],
          },
        ],
        on: {
          reflectionPeriodEnded: [{ actions: [{ id: 'create-task', params: { titleKey: 'workflows:fixture.tasks.reflectionEnded', role: 'caseOwner' } }] }],
          caseClosed: [{ target: 'closed', ignoreRequiredForms: true }],
        },
        regions: {
          legalAssistance: {
            type: 'compound',
            marks: ['serviceTrack'],
            initial: 'notStarted',
            stages: {
              notStarted: {
                type: 'atomic',
                on: {
                  serviceStarted: [{ target: 'inProgress', guard: { '==': [{ var: 'event.stop' }, 'legalAssistance'] } }],
                  serviceNotNeeded: [{ target: 'notNeeded', guard: { '==': [{ var: 'event.stop' }, 'legalAssistance'] } }],
                },
              },
              inProgress: {
                type: 'atomic',
                on: { serviceCompleted: [{ target: 'completed', guard: { '==': [{ var: 'event.stop' }, 'legalAssistance'] } }] },
              },
              completed: { type: 'final' },
              notNeeded: { type: 'final' },
            },
          },
          languageCheckpoint: {
            type: 'compound',
            marks: ['checkpoint'],
            initial: 'pending',
            stages: {
              pending: {
                type: 'atomic',
                always: [
                  { target: 'met', guard: { '==': [{ var: 'submissions.integration-checkpoints.languageCheckpointMet' }, true] } },
                ],
              },
              met: { type: 'final' },
            },
          },
        },
        onDone: [{ target: 'closed', actions: [{ id: 'set-field', params: { field: 'closedReason', value: 'completed' } }] }],
      },
      closed: { type: 'final' },
    },
  };
}

export function caseContext(overrides: Partial<CaseContext> = {}): CaseContext {
  return {
    id: 'case-fixture-1',
    person: { age: 30, ageUncertain: false, isChild: false },
    consents: {},
    dates: {},
    fields: {},
    needs: {},
    ...overrides,
  };
}

export function evaluationContext(
  overrides: { case?: Partial<CaseContext>; submissions?: EvaluationContext['submissions']; params?: Record<string, unknown> } = {},
): EvaluationContext {
  return {
    case: caseContext(overrides.case),
    submissions: overrides.submissions ?? {},
    params: overrides.params ?? FIXTURE_PARAMETERS,
  };
}
