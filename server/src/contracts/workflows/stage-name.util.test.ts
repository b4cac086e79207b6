import { eventName, givenStageName, stageName, type NameLookup, namedStage, stageIdOf, topStageOf } from './stage-name.util';

// A `t` over a few texts: the first key with a text wins, else the default, as i18next does.
const texts: Record<string, string> = {
  'workflows:finland.stages.plan': 'Plan of assistance',
  'workflows:denmark.stages.reflection': 'Reflection period',
  'workflows:finland.events.referred': 'Referred',
};
const t: NameLookup = (keys, { defaultValue }) => keys.map((key) => texts[key]).find((text) => text !== undefined) ?? defaultValue;

describe('stage and event names (client and plan PDF alike)', () => {
  it('names the stage a path ends in from its workflow, else its id', () => {
    expect(stageName(t, ['finland'], 'assistance/plan')).toBe('Plan of assistance');
    expect(stageName(t, ['finland'], 'assistance/drafting')).toBe('drafting');
    expect(stageName(t, [], 'assistance/plan')).toBe('plan');
  });

  it('takes the first workflow that names it when a list mixes workflows', () => {
    expect(stageName(t, ['finland', 'denmark'], 'reflection')).toBe('Reflection period');
    expect(eventName(t, ['denmark', 'finland'], 'referred')).toBe('Referred');
    expect(eventName(t, ['denmark'], 'referred')).toBe('referred');
  });

  it('names a stage by the name its administrator gave it, in the reader\'s language, else English, else any given', () => {
    const names = { legalCounselling: { fi: 'Oikeudellinen neuvonta', en: 'Legal counselling' }, intake: { sv: 'Mottagning' } };
    expect(givenStageName(names, 'legalCounselling', 'fi')).toBe('Oikeudellinen neuvonta');
    expect(givenStageName(names, 'assistance/legalCounselling', 'da')).toBe('Legal counselling');
    expect(givenStageName(names, 'intake', 'fi')).toBe('Mottagning');
    expect(givenStageName(names, 'plan', 'fi')).toBeUndefined();
    expect(givenStageName(undefined, 'plan', 'fi')).toBeUndefined();
    // One rule for pages and documents: the given name, else the translations, else the id.
    expect(namedStage(t, ['finland'], 'assistance/legalCounselling', names, 'fi')).toBe('Oikeudellinen neuvonta');
    expect(namedStage(t, ['finland'], 'assistance/plan', names, 'fi')).toBe('Plan of assistance');
    expect(namedStage(t, ['finland'], 'drafting', undefined, 'fi')).toBe('drafting');
  });
});

it('names the stage a path ends in and the top-level stage it is under', () => {
  expect([stageIdOf('assistance/therapy/inProgress'), topStageOf('assistance/therapy/inProgress')]).toEqual(['inProgress', 'assistance']);
  expect([stageIdOf('intake'), topStageOf('intake')]).toEqual(['intake', 'intake']);
});
