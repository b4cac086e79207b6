import { eventName, stageName, type NameLookup } from './stage-name.util';

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
});
