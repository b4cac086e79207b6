import { analyseGuard } from './json-logic-guard.validator';

describe('analyseGuard', () => {
  it('collects variables of an allowed guard', () => {
    const result = analyseGuard({ and: [{ var: 'case.person.isChild' }, { '==': [{ var: ['submissions.child-welfare.unaccompanied', 'no'] }, 'yes'] }] });
    expect(result).toEqual({ issues: [], variables: ['case.person.isChild', 'submissions.child-welfare.unaccompanied'] });
  });

  it('lets item-scoped variables of some/all/none through without the root rule', () => {
    expect(analyseGuard({ some: [{ var: 'submissions.plan-of-assistance.actions' }, { '==': [{ var: 'status' }, 'open'] }] }).issues).toEqual([]);
  });

  it('rejects unknown operators, computed var paths, bare roots and several operators in one object', () => {
    const result = analyseGuard({ or: [{ method: ['x', 'toString'] }, { var: { cat: ['case.', 'id'] } }, { var: 'case' }, { '==': [1, 1], '!=': [1, 2] }] });
    expect(result.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'guard-operator-not-allowed /or/0/method',
      'invalid-guard /or/1/var',
      'guard-variable-not-allowed /or/2/var',
      'invalid-guard /or/3',
    ]);
  });
});
