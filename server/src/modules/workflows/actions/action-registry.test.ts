import { defaultActionRegistry, describeAction, UnknownActionError } from './action-registry';

describe('action registry', () => {
  it('has the actions workflows may use', () => {
    expect([...defaultActionRegistry.keys()].sort()).toEqual([
      'create-task', 'notify-role', 'open-child-branch', 'record-date', 'record-text', 'refer', 'request-consent', 'require-form', 'schedule-review', 'set-field',
    ]);
  });

  it('describes each action’s effect as data', () => {
    expect(describeAction({ id: 'create-task', params: { titleKey: 'workflows:x.tasks.y', role: 'caseOwner', due: 'P3D' } })).toEqual([
      { type: 'task.create', titleKey: 'workflows:x.tasks.y', assigneeRole: 'caseOwner', due: 'P3D' },
    ]);
    expect(describeAction({ id: 'open-child-branch', params: { childWelfareRole: 'childWelfareWorker', legalRepresentativeRequired: true } })).toEqual([
      { type: 'childBranch.open', legalRepresentativeRequired: true },
      { type: 'notification.send', role: 'childWelfareWorker', messageKey: 'workflows:actions.open-child-branch.message' },
      { type: 'form.require', formPath: 'child-welfare', role: 'childWelfareWorker' },
      { type: 'task.create', titleKey: 'workflows:actions.open-child-branch.appointLegalRepresentative', assigneeRole: 'childWelfareWorker' },
    ]);
    expect(describeAction({ id: 'request-consent', params: { recipient: 'nas' } })[0]).toEqual({ type: 'consent.request', recipient: 'nas' });
    expect(describeAction({ id: 'set-field', params: { field: 'closedReason', value: 'completed' } })).toEqual([
      { type: 'case.setField', field: 'closedReason', value: 'completed' },
    ]);
    expect(describeAction({ id: 'schedule-review', params: { after: { parameter: 'planReviewInterval' }, role: 'caseOwner' } })[0]).toMatchObject({
      type: 'review.schedule', after: { parameter: 'planReviewInterval' },
    });
    expect(describeAction({ id: 'require-form', params: { formPath: 'safety-plan' } })).toEqual([{ type: 'form.require', formPath: 'safety-plan', role: undefined }]);
    expect(describeAction({ id: 'notify-role', params: { role: 'caseOwner', messageKey: 'workflows:x.messages.y' } })[0]?.type).toBe('notification.send');
  });

  it('rejects unknown actions and invalid params (display text instead of a key, dotted field names)', () => {
    expect(() => describeAction({ id: 'send-email' })).toThrow(UnknownActionError);
    expect(() => describeAction({ id: 'notify-role', params: { role: 'caseOwner', messageKey: 'Hello' } })).toThrow();
    expect(() => describeAction({ id: 'set-field', params: { field: 'person.age', value: 3 } })).toThrow();
  });
});
