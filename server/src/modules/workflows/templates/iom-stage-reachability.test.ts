import { listStages } from '../../../contracts/workflows/stage-tree.util';
import { ADULT_SUBMISSIONS, ROAD_MAP_STOPS, WorkflowWalker, loadTemplate, parametersOf } from '../../../../../test/helpers/workflow-walker';

/*
 * Issue 17: every stage of the IOM return workflow can be reached, reception included. Walks over the definition
 * with the pure engine, one per way through it, and compares the stages they entered with every stage the
 * definition lists; a stage no walk enters names itself in the failure.
 */
const def = loadTemplate('iom-return');
const SAFETY = { riskLevel: 'low', finalRiskLevel: 'low' };
const RETURN = { voluntaryWish: 'yes', identificationEvidence: true, returnCountry: 'hu', eligible: true };
const CHILD = { person: { age: 15, ageUncertain: false, isChild: true } };
const submissions = { ...ADULT_SUBMISSIONS, 'return-reintegration': RETURN, 'safety-plan': SAFETY };
const STOPS_USED = ['medicalAssistance', 'privateAccommodation', 'vocationalTraining'];

function walks(): WorkflowWalker[] {
  const params = parametersOf('hu');
  // An adult: eligibility, pre-departure, travel, reception, reintegration with plan, grant, monitoring and tracks.
  const full = new WorkflowWalker(def, {}, submissions, params);
  full.fire('riskAssessed').consent('ngo').fire('arrived');
  expect(full.active('reception')).toBe(true);
  full.fire('receptionCompleted');
  full.submit('plan-of-assistance', {}).fire('planApproved').fire('grantApproved').fire('grantIncreaseApproved').fire('grantDisbursed');
  full.fire('monitoringCompleted').fire('monitoringCompleted').fire('monitoringCompleted');
  full.fire('checkpointNotApplicable', { checkpoint: 'languageCheckpoint' }).fire('checkpointNotApplicable', { checkpoint: 'legalStatusCheckpoint' });
  full.finishTracks(STOPS_USED);
  // Checkpoints met by evidence rather than set aside.
  const evidence = new WorkflowWalker(def, {}, submissions, params);
  evidence.fire('riskAssessed').consent('ngo').fire('arrived').fire('receptionCompleted');
  evidence.submit('integration-checkpoints', { languageCheckpointMet: true, legalStatus: 'citizen' });
  // Every service the first walk did not need is used here, and the others are not needed.
  evidence.finishTracks(ROAD_MAP_STOPS.filter((stop) => !STOPS_USED.includes(stop)));
  // A child: the child branch, continuing while a representative is appointed.
  const child = new WorkflowWalker(def, CHILD, submissions, params);
  child.submit('child-welfare', { legalRepresentativeAppointed: false, formalDeterminationNeeded: 'no' }).fire('continueWhileAppointing');
  // Not eligible, withdrawn, returned without a reception partner, travel cancelled.
  const notEligible = new WorkflowWalker(def, {}, { ...submissions, 'return-reintegration': { ...RETURN, eligible: false } }, params).fire('notEligible');
  const cancelled = new WorkflowWalker(def, {}, submissions, params).fire('riskAssessed').fire('travelCancelled').fire('returnWithdrawn');
  const alone = new WorkflowWalker(def, {}, submissions, params).fire('riskAssessed').fire('arrivedWithoutReception');
  return [full, evidence, child, notEligible, cancelled, alone];
}

it('enters every stage of iom-return in some walk, reception included', () => {
  const entered = new Set(walks().flatMap((walk) => walk.entered));
  const unreached = listStages(def).map((entry) => entry.path).filter((path) => !entered.has(path));
  expect(unreached).toEqual([]);
});
