import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormBinding } from '../../../contracts/workflows/form-bindings.schemas';
import { workflowsDir } from '../../../config/paths';
import type { CaseRecord } from '../storage/case.model';
import { applyFormBindings, caseFieldOf } from './case-form-bindings';

const bindings = (JSON.parse(readFileSync(join(workflowsDir, 'finland-municipality.json'), 'utf8')) as { bindings: FormBinding[] }).bindings;
type Bindable = Pick<CaseRecord, 'identity' | 'consents' | 'plan' | 'workflow'>;
const empty = (): Bindable => ({ identity: {}, consents: {}, plan: {}, workflow: { bound: [] } as unknown as CaseRecord['workflow'] });
const withParts = (record: Bindable, parts: ReturnType<typeof applyFormBindings>): Bindable => ({
  identity: parts!.identity, consents: parts!.consents, plan: parts!.plan, workflow: { ...record.workflow, bound: parts!.bound },
});

describe('form data → case through the shipped bindings', () => {
  it('the needs assessment fills the profile, the needs per stop and the obstacles', () => {
    const parts = applyFormBindings(empty(), bindings, 'needs-assessment', {
      ageYears: 17, ageUncertain: false, nationality: 'Nigeria', languagesSpoken: ['en', 'pcm', 'other'], literacy: 'some', contactPhone: '+358 40 123',
      needSafeAccommodation: 'urgent', needRecreation: 'later', needTherapy: 'not-needed', obstacleThreats: 'yes', obstacleSelfStigma: 'no',
    });
    expect(parts!.identity).toEqual({ estimatedAge: 17, ageUncertain: false, nationality: 'NG', languages: ['en', 'pcm'], literacy: 'limited', contact: { phone: '+358 40 123' } });
    expect(parts!.plan.needs).toEqual({ safeAccommodation: 'immediate', recreationalActivities: 'later', therapy: 'notNeeded' });
    expect(parts!.plan.obstacles).toEqual(['threats']);
  });

  it('an edit that empties a field takes back what the form fed, but never what was typed on the case page', () => {
    const typed = { ...empty(), identity: { nationality: 'FI' } };
    const first = applyFormBindings(typed, bindings, 'needs-assessment', { ageYears: 30 });
    expect(first!.identity).toEqual({ nationality: 'FI', estimatedAge: 30 });
    const edited = applyFormBindings(withParts(typed, first), bindings, 'needs-assessment', { ageUncertain: true });
    expect(edited!.identity).toEqual({ nationality: 'FI', ageUncertain: true });
    const deleted = applyFormBindings(withParts(typed, edited), bindings, 'needs-assessment', null);
    expect(deleted!.identity).toEqual({ nationality: 'FI', ageUncertain: false });
  });

  it('the consent form records each recipient, given or withdrawn with its date, and takes back a row it removed', () => {
    const parts = applyFormBindings(empty(), bindings, 'consent-information', {
      consents: [
        { recipient: 'nas', given: true, givenOn: '2026-12-01T00:00:00+02:00', sharedInformation: { contact: true, 'needs-and-plan': true, health: false, 'what-happened': true, residence: false } },
        { recipient: 'police', given: true, givenOn: '2026-11-01', withdrawn: true, withdrawnOn: '2026-11-20', sharedInformation: { contact: true } },
        { recipient: 'iom', given: false },
      ],
    });
    expect(parts!.consents).toEqual({
      nas: { given: true, givenOn: '2026-12-01', withdrawn: false, withdrawnOn: null, groups: ['identity', 'narrativeSummary', 'plan'] },
      police: { given: false, givenOn: '2026-11-01', withdrawn: true, withdrawnOn: '2026-11-20', groups: ['identity'] },
      iom: { given: false, givenOn: null, withdrawn: false, withdrawnOn: null },
    });
    const again = applyFormBindings(withParts(empty(), parts), bindings, 'consent-information', { consents: [{ recipient: 'nas', given: true, givenOn: '2026-12-01' }] });
    expect(Object.keys(again!.consents)).toEqual(['nas']);
  });

  it.each([
    [{ contact: true }, ['identity']],
    // The account of trauma, exploitation and health needs both answers; the summary of the account only "what happened".
    [{ health: true }, []],
    [{ health: true, 'what-happened': true }, ['narrative', 'narrativeSummary']],
    // Legal status, language, education and work: the residence status and the needs and plan together.
    [{ residence: true }, []],
    [{ residence: true, 'needs-and-plan': true }, ['integration', 'plan']],
    // Everything ticked still never covers the safe-house location, criminal proceedings or the forms themselves.
    [{ contact: true, 'needs-and-plan': true, health: true, 'what-happened': true, residence: true }, ['identity', 'narrative', 'narrativeSummary', 'integration', 'plan']],
    // Given with nothing ticked covers nothing, never everything.
    [{}, []],
    [undefined, []],
  ])('the consent form\'s answers %j cover the groups %j', (sharedInformation, groups) => {
    const parts = applyFormBindings(empty(), bindings, 'consent-information', { consents: [{ recipient: 'ngo', given: true, givenOn: '2026-12-01', sharedInformation }] });
    expect(parts!.consents.ngo!.groups).toEqual(groups);
  });

  it('every shipped workflow maps the consent form\'s answers to the same groups', () => {
    const mapOf = (file: string) => (JSON.parse(readFileSync(join(workflowsDir, file), 'utf8')) as { bindings: FormBinding[] }).bindings.find((b) => b.to === 'consents')!.columns!.groups;
    for (const file of ['denmark-cmm.json', 'iom-return.json', 'shelter-reintegration.json']) expect(mapOf(file)).toEqual(mapOf('finland-municipality.json'));
  });

  it('the plan of assistance becomes the case plan: own goals, actions per stop, next review', () => {
    const parts = applyFormBindings(empty(), bindings, 'plan-of-assistance', {
      personGoals: 'Find work as a cook',
      nextReviewDate: '2027-03-01T00:00:00+02:00',
      actions: [
        { stop: 'language-courses', action: 'Finnish course A1', provider: 'Adult college', owner: 'case-owner', startDate: '2027-01-10', dueDate: '2027-06-01', actionStatus: 'referred' },
        { stop: 'recreation', action: 'Football club', provider: 'Club', owner: 'ngo-worker', actionStatus: 'planned' },
        { stop: 'moon', action: 'Not a stop' },
      ],
    });
    expect(parts!.plan).toEqual({
      ownGoals: 'Find work as a cook',
      nextReviewDate: '2027-03-01',
      goals: [
        { id: 'a1', stop: 'languageCourses', description: 'Finnish course A1', provider: 'Adult college', owner: 'case-owner', startDate: '2027-01-10', dueDate: '2027-06-01', status: 'inProgress' },
        { id: 'a2', stop: 'recreationalActivities', description: 'Football club', provider: 'Club', owner: 'ngo-worker', status: 'planned' },
      ],
    });
  });
});

describe('caseFieldOf', () => {
  it.each([
    ['identity.contact.phone', 'identity'],
    ['consents', 'consents'],
    ['plan.goals', 'plan'],
    ['needs.safeAccommodation', 'plan'],
    ['obstacles.threats', 'plan'],
  ])('%s is written to the case field %s', (target, field) => {
    expect(caseFieldOf(target)).toBe(field);
  });
});
