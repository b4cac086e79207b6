import { computeDueItems } from '../engine/deadline-schedule';
import { ADULT_SUBMISSIONS, WorkflowWalker, loadTemplate, parametersOf } from '../../../../../test/helpers/workflow-walker';

const CHILD = { person: { age: 15, ageUncertain: false, isChild: true } };
const CHECKPOINTS = { languageCheckpointMet: true, legalStatus: 'temporary-permit', legalStatusExpiry: '2026-03-01' };
const SAFETY = { riskLevel: 'low', finalRiskLevel: 'low' };
const RETURN = { voluntaryWish: 'yes', identificationEvidence: true, returnCountry: 'hu', eligible: true };

describe('finland-municipality', () => {
  const def = loadTemplate('finland-municipality');
  const params = parametersOf('fi');

  it('walks an adult from intake through NAS cooperation, plan, integration, ELY reimbursement and services to closure', () => {
    const w = new WorkflowWalker(def, {}, { ...ADULT_SUBMISSIONS, 'safety-plan': SAFETY }, params);
    expect(w.snapshot.value).toBe('nasReferral');
    expect(w.accepts('referToNas')).toBe(false); // no consent to the NAS yet
    w.consent('nas').fire('referToNas').fire('nasAdmitted');
    expect(w.active('assistance/plan/drafting')).toBe(true);
    w.submit('plan-of-assistance', { goals: 'own words' }).fire('planApproved');
    expect(w.active('assistance/plan/approved/inEffect')).toBe(true);

    const reviews = computeDueItems(def, w.snapshot, w.ctx, { now: w.now(), horizon: 'P6M' }).filter((i) => i.deadlineId === 'planReview' && i.kind === 'deadline');
    expect(reviews.slice(0, 4).map((i) => i.dueAt.slice(0, 10))).toEqual(['2025-04-05', '2025-05-03', '2025-05-31', '2025-08-31']);
    w.fire('planReviewDue').submit('plan-of-assistance', { goals: 'updated' }).fire('planReviewed').fire('planConcluded');

    w.consent('employment-services').submit('integration-checkpoints', CHECKPOINTS);
    expect(w.active('assistance/languageCheckpoint/met') && w.active('assistance/legalStatusCheckpoint/met')).toBe(true);
    w.fire('integrationPlanAgreed').fire('integrationPlanCompleted');
    w.fire('claimStarted').submit('reimbursement-claim', { totalAmount: 1240.5 }).fire('nasStatementRequested').fire('nasStatementReceived').fire('claimDecided');
    w.finishTracks();
    expect(w.snapshot.value).toBe('closing');
    w.fire('caseClosed');
    expect(w.snapshot.status).toBe('done');
  });

  it('walks a child: child branch first, and the plan waits for a legal representative', () => {
    const w = new WorkflowWalker(def, CHILD, ADULT_SUBMISSIONS, params);
    expect(w.active('childBranch/bestInterests')).toBe(true);
    w.submit('child-welfare', { unaccompanied: 'yes', legalRepresentativeAppointed: false, formalDeterminationNeeded: 'yes' });
    expect(w.active('childBranch/bestInterests')).toBe(true);
    w.fire('continueWhileAppointing').submit('safety-plan', SAFETY).fire('continueWithoutNas');
    w.submit('plan-of-assistance', {});
    expect(w.accepts('planApproved')).toBe(false);
    w.submit('child-welfare', { unaccompanied: 'yes', legalRepresentativeAppointed: true, formalDeterminationNeeded: 'yes' }).fire('planApproved');
    expect(w.active('assistance/plan/approved')).toBe(true);
  });

  it('walks a voluntary return, which for a child needs the best-interests determination first', () => {
    const submissions = { ...ADULT_SUBMISSIONS, 'needs-assessment': { ...ADULT_SUBMISSIONS['needs-assessment'], wishesVoluntaryReturn: 'yes' }, 'safety-plan': SAFETY };
    const adult = new WorkflowWalker(def, {}, submissions, params).fire('continueWithoutNas');
    expect(adult.accepts('returnRequested')).toBe(false); // no consent to IOM
    adult.consent('iom').fire('returnRequested').submit('return-reintegration', RETURN).fire('returnCompleted');
    expect(adult.snapshot).toMatchObject({ status: 'done', value: 'closed' });

    const child = new WorkflowWalker(def, CHILD, { ...submissions, 'child-welfare': { legalRepresentativeAppointed: true, formalDeterminationNeeded: 'yes' } }, params);
    child.fire('continueWithoutNas').consent('iom');
    expect(child.accepts('returnRequested')).toBe(false);
    child.fire('determinationCompleted').fire('returnRequested');
    expect(child.snapshot.value).toBe('returnPreparation');
  });
});

describe('denmark-cmm', () => {
  const def = loadTemplate('denmark-cmm');
  const params = parametersOf('dk');

  it('walks identification, a 30-day reflection and recovery period with contact person and services, to closure', () => {
    const w = new WorkflowWalker(def, { dates: { reflectionDecision: '2025-03-05' } }, ADULT_SUBMISSIONS, params);
    expect(w.snapshot.value).toBe('referral');
    w.consent('cmm').fire('referToCmm').fire('identifiedAsVictim');
    const due = computeDueItems(def, w.snapshot, w.ctx, { now: w.now() });
    expect(due.find((i) => i.deadlineId === 'reflectionPeriod' && i.kind === 'deadline')).toMatchObject({ dueAt: '2025-04-04T00:00:00Z', event: 'reflectionPeriodEnded' });
    w.fire('reflectionPeriodEnded');
    // The contact person is named on the case profile (version 4): the step completes once the case holds one.
    expect(w.active('recovery/contactPerson/unassigned')).toBe(true);
    expect(w.accepts('contactPersonAssigned')).toBe(false);
    w.ctx.case.fields = { ...w.ctx.case.fields, contactPerson: { name: 'Jonas', organisation: 'CMM' } };
    w.fire('caseUpdated');
    expect(w.active('recovery/contactPerson/assigned')).toBe(true);
    w.submit('plan-of-assistance', {}).fire('planApproved');
    w.submit('integration-checkpoints', CHECKPOINTS).finishTracks(['safeAccommodation', 'medicalAssistance', 'legalAssistance']);
    expect(w.snapshot.value).toBe('closing');
    w.fire('caseClosed');
    expect(w.snapshot.status).toBe('done');
  });

  it('walks a prepared return with an extended period and 6 months of reintegration support', () => {
    const submissions = { ...ADULT_SUBMISSIONS, 'needs-assessment': { ...ADULT_SUBMISSIONS['needs-assessment'], wishesVoluntaryReturn: 'yes' } };
    const w = new WorkflowWalker(def, {}, submissions, params);
    w.consent('cmm').fire('referToCmm').fire('identifiedAsVictim');
    expect(w.active('recovery/period/notStarted')).toBe(true);
    w.fire('reflectionPeriodStarted', { reflectionDecision: '2025-03-05' });
    const due = (id: string) => computeDueItems(def, w.snapshot, w.ctx, { now: w.now() }).find((i) => i.deadlineId === id && i.kind === 'deadline');
    expect(due('reflectionPeriod')?.dueAt).toBe('2025-04-04T00:00:00Z');
    w.fire('extensionGranted', { reflectionExtendedUntil: '2025-06-01' });
    expect(due('extendedPeriod')?.dueAt).toBe('2025-06-01T00:00:00Z');
    // A further extension moves the end again (up to the jurisdiction's maximum, which the case service checks).
    w.fire('extensionGranted', { reflectionExtendedUntil: '2025-07-03' });
    expect(due('extendedPeriod')?.dueAt).toBe('2025-07-03T00:00:00Z');
    // Preparing the return is a track of the recovery period: the period and its deadline go on meanwhile.
    w.consent('iom').fire('prepareReturn');
    expect(w.active('recovery/returnHome/preparedReturn')).toBe(true);
    expect(due('extendedPeriod')?.dueAt).toBe('2025-07-03T00:00:00Z');
    expect(due('assignContactPerson')).toBeDefined();
    w.submit('return-reintegration', RETURN).fire('departed');
    const end = computeDueItems(def, w.snapshot, w.ctx, { now: w.now() }).find((i) => i.deadlineId === 'reintegrationSupportEnds' && i.kind === 'deadline');
    expect(end?.dueAt.slice(0, 10)).toBe('2025-09-13');
    w.fire('supportPeriodEnded');
    expect(w.snapshot).toMatchObject({ status: 'done', value: 'closed' });
  });

  it('sends a person of uncertain age into the child branch', () => {
    const w = new WorkflowWalker(def, { person: { age: 19, ageUncertain: true, isChild: false } }, ADULT_SUBMISSIONS, params);
    expect(w.active('childBranch')).toBe(true);
  });
});

describe('iom-return', () => {
  const def = loadTemplate('iom-return');
  const submissions = { ...ADULT_SUBMISSIONS, 'return-reintegration': RETURN, 'safety-plan': SAFETY };

  it('walks eligibility, pre-departure risk, travel, reception, reintegration grant and monitoring at 1, 3 and 6 months', () => {
    const w = new WorkflowWalker(def, {}, submissions, parametersOf('hu'));
    expect(w.snapshot.value).toBe('preDeparture');
    w.fire('riskAssessed');
    expect(w.accepts('arrived')).toBe(false); // no consent to the reception partner
    w.consent('ngo').fire('arrived').fire('receptionCompleted');
    const monitoring = computeDueItems(def, w.snapshot, w.ctx, { now: w.now() }).filter((i) => i.stagePath === 'reintegration/monitoring' && i.kind === 'deadline');
    expect(monitoring.map((i) => i.dueAt.slice(0, 10))).toEqual(['2025-04-07', '2025-06-07', '2025-09-07']);
    w.submit('plan-of-assistance', {}).fire('planApproved').fire('grantApproved').fire('grantIncreaseApproved').fire('grantDisbursed');
    w.fire('monitoringCompleted').fire('monitoringCompleted').fire('monitoringCompleted');
    w.fire('checkpointNotApplicable', { checkpoint: 'languageCheckpoint' }).fire('checkpointNotApplicable', { checkpoint: 'legalStatusCheckpoint' });
    w.finishTracks(['medicalAssistance', 'privateAccommodation', 'vocationalTraining']);
    expect(w.snapshot).toMatchObject({ status: 'done', value: 'closed' });
  });

  it('applies the eligibility rule of the return country (Romania needs evidence of identification)', () => {
    const noEvidence = { ...submissions, 'return-reintegration': { ...RETURN, returnCountry: 'ro', identificationEvidence: false } };
    expect(new WorkflowWalker(def, {}, noEvidence, parametersOf('ro')).snapshot.value).toBe('eligibility');
    expect(new WorkflowWalker(def, {}, noEvidence, parametersOf('bg')).snapshot.value).toBe('preDeparture');
  });

  it('walks a child: child branch, then return only after the formal determination', () => {
    const w = new WorkflowWalker(def, CHILD, { ...submissions, 'child-welfare': { legalRepresentativeAppointed: true, formalDeterminationNeeded: 'yes' } }, parametersOf('hu'));
    expect(w.entered).toContain('childBranch');
    expect(w.snapshot.value).toBe('eligibility');
    w.fire('determinationCompleted');
    expect(w.ctx.case.fields.bestInterestsDetermination).toBe('completed');
    w.fire('caseUpdated');
    expect(w.snapshot.value).toBe('preDeparture');
  });
});

describe('shelter-reintegration', () => {
  const def = loadTemplate('shelter-reintegration');
  const params = parametersOf('mk');

  it('walks the shelter programme, the long-term plan after the shelter and follow-up of re-trafficking risk', () => {
    const w = new WorkflowWalker(def, {}, { ...ADULT_SUBMISSIONS, 'safety-plan': SAFETY }, params);
    w.fire('admitted').submit('plan-of-assistance', {}).fire('planApproved');
    w.submit('integration-checkpoints', CHECKPOINTS).finishTracks(['safeAccommodation', 'therapy', 'vocationalTraining', 'extraEducation']);
    expect(w.snapshot.value).toBe('exitPlanning');
    w.fire('reintegrationPlanApproved');
    const left = w.snapshot.stageEntries['afterShelter/followUp']!.slice(0, 10);
    const followUps = computeDueItems(def, w.snapshot, w.ctx, { now: w.now(), horizon: 'P2Y' }).filter((i) => i.kind === 'deadline' && i.event === 'followUpDue');
    // Follow-up after leaving at 1, 3, 6 and 12 months (the jurisdiction's parameters), each a re-trafficking risk check.
    const months = (n: number) => new Date(Date.UTC(Number(left.slice(0, 4)), Number(left.slice(5, 7)) - 1 + n, Number(left.slice(8, 10)))).toISOString().slice(0, 10);
    expect(followUps.map((i) => [i.deadlineId, i.dueAt.slice(0, 10)])).toEqual([
      ['followUp1Month', months(1)], ['followUp3Months', months(3)], ['followUp6Months', months(6)], ['followUp12Months', months(12)],
    ]);
    w.fire('followUpDue').fire('servicesArranged').fire('servicesEnded').fire('followUpConcluded');
    expect(w.snapshot).toMatchObject({ status: 'done', value: 'closed' });
  });

  it('walks a voluntary return referral and a child', () => {
    const submissions = { ...ADULT_SUBMISSIONS, 'needs-assessment': { ...ADULT_SUBMISSIONS['needs-assessment'], wishesVoluntaryReturn: 'yes' }, 'safety-plan': SAFETY };
    const w = new WorkflowWalker(def, {}, submissions, params).fire('admitted');
    expect(w.accepts('returnRequested')).toBe(false);
    w.consent('iom').fire('returnRequested').fire('handedOver');
    expect(w.snapshot.status).toBe('done');
    expect(new WorkflowWalker(def, CHILD, submissions, params).active('childBranch')).toBe(true);
  });
});
