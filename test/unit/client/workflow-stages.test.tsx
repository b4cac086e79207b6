/** @jest-environment ./test/helpers/jsdom-environment.cjs */
// The client's stage components on the contract's definition types and stage tree (server/src/contracts/workflows):
// the service tracks of a case and the side panel that edits a stage's steps.
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';
import { ServiceTracks } from '../../../client/src/features/cases/ServiceTracks';
import { ProblemsProvider } from '../../../client/src/features/workflows/definition-problems';
import { DefinitionProvider, FormChoicesProvider, StageNamesEditProvider } from '../../../client/src/features/workflows/editor-context';
import { StageNameFields } from '../../../client/src/features/workflows/StageNameFields';
import { StageFields } from '../../../client/src/features/workflows/StageFields';
import { act } from 'react';
import { render, texts, typeInto, type Rendered } from '../../helpers/client-render';

/** A parallel stage with two service tracks, each a compound stage of its own steps. */
const services: Stage = {
  type: 'parallel',
  regions: {
    legalAssistance: { type: 'compound', initial: 'notStarted', stages: { notStarted: { type: 'atomic', on: { start: [{ target: 'inProgress' }] } }, inProgress: { type: 'atomic' }, completed: { type: 'final' } } },
    therapy: { type: 'compound', initial: 'notStarted', stages: { notStarted: { type: 'atomic' }, completed: { type: 'final' } } },
  },
};

let view: Rendered | undefined;

async function openSummary(host: HTMLElement, path: string) {
  const summary = [...host.querySelectorAll('summary')].find((candidate) => candidate.querySelector('code')?.textContent === path)!;
  await act(async () => {
    (summary.parentElement as HTMLDetailsElement).open = true;
    summary.parentElement!.dispatchEvent(new Event('toggle'));
  });
}
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

describe('ServiceTracks', () => {
  it('draws one lane per track of a parallel stage, with its steps and the current one marked', async () => {
    view = await render(<ServiceTracks stageId="services" stage={services} current={['services', 'services/legalAssistance/inProgress', 'services/therapy/notStarted']} label={(id) => `<${id}>`} />);
    expect(texts(view.host, 'h3')).toEqual(['Service tracks in <services>']);
    expect(texts(view.host, '.track h4')).toEqual(['<legalAssistance>', '<therapy>']);
    const lanes = [...view.host.querySelectorAll('.track')];
    expect(texts(lanes[0]!, 'li')).toEqual(['<notStarted>', '<inProgress>current', '<completed>']);
    expect(texts(lanes[1]!, 'li[aria-current="step"]')).toEqual(['<notStarted>current']);
  });

  it('draws the steps of a compound stage as one lane', async () => {
    const legal = (services as Extract<Stage, { type: 'parallel' }>).regions.legalAssistance!;
    view = await render(<ServiceTracks stageId="legal" stage={legal} current={['legal/completed']} label={(id) => id} />);
    expect(texts(view.host, 'h3')).toEqual(['Steps in legal']);
    expect(texts(view.host, 'li.current')).toEqual(['completedcurrent']);
  });
});

describe('StageFields', () => {
  it('edits a step inside a track and hands back the whole stage, other tracks unchanged', async () => {
    const changes: Stage[] = [];
    // The forms a stage may require, as the editor page loads them: picked by title, stored by path.
    const forms = [{ path: 'consent', title: 'Consent to assistance' }, { path: 'legal-aid-request', title: 'Request for legal aid' }];
    view = await render(
      <FormChoicesProvider value={forms}>
        <StageFields path="services" stage={services} onChange={(stage) => changes.push(stage)} />
      </FormChoicesProvider>,
    );
    expect(texts(view.host, ':scope > details.nested-stage > summary code')).toEqual(['services/legalAssistance', 'services/therapy']);
    // A track's steps and fields are rendered once it is opened, as a person opens it.
    await openSummary(view.host, 'services/legalAssistance');
    await openSummary(view.host, 'services/legalAssistance/inProgress');
    const picker = view.host.querySelector('fieldset[data-pointer="/stages/services/regions/legalAssistance/stages/inProgress/requiredForms"]')!;
    expect(picker.querySelector('legend')!.textContent).toBe('Required forms');
    expect(texts(picker, 'label')).toEqual(['Consent to assistance consent', 'Request for legal aid legal-aid-request']);
    const box = (title: string) => [...picker.querySelectorAll('label')].find((label) => label.textContent!.trim().startsWith(title))!.querySelector('input')!;
    await act(async () => box('Request for legal aid').click());
    expect(changes).toHaveLength(1);
    const changed = changes[0]!;
    if (changed.type !== 'parallel') throw new Error('the stage stays parallel');
    const legal = changed.regions.legalAssistance!;
    if (legal.type !== 'compound') throw new Error('the track stays compound');
    expect(legal.stages.inProgress).toEqual({ type: 'atomic', requiredForms: ['legal-aid-request'] });
    expect(legal.stages.notStarted).toEqual({ type: 'atomic', on: { start: [{ target: 'inProgress' }] } });
    expect(changed.regions.therapy).toBe((services as Extract<Stage, { type: 'parallel' }>).regions.therapy);
  });

  it('shows nothing to edit on a final stage', async () => {
    view = await render(<StageFields path="closed" stage={{ type: 'final' }} onChange={() => undefined} />);
    expect(view.host.innerHTML).toBe('');
  });
});

describe('StageFields deadlines', () => {
  const deadline = (after: string | { parameter: string }): Stage => ({
    type: 'atomic',
    deadlines: [{ id: 'reflectionPeriod', kind: 'deadline', anchor: { stageEntry: true }, after }],
  });
  const inWorkflow = (stage: Stage, onChange: (stage: Stage) => void, problems: Array<{ path: string; code: string }> = []) => (
    <DefinitionProvider value={{ id: 'finland-municipality', stages: {} }}>
      <ProblemsProvider value={problems}>
        <StageFields path="intake" stage={stage} onChange={onChange} />
      </ProblemsProvider>
    </DefinitionProvider>
  );

  it('names a deadline by its text, reads its duration in words and writes the number and unit as ISO 8601', async () => {
    const changes: Stage[] = [];
    view = await render(inWorkflow(deadline('P30D'), (stage) => changes.push(stage)));
    expect(texts(view.host, 'fieldset.deadline-field legend')).toEqual(['End of the reflection period']);
    const count = view.host.querySelector<HTMLInputElement>('#field-stages-intake-deadlines-0-count')!;
    const unit = view.host.querySelector<HTMLSelectElement>('#field-stages-intake-deadlines-0-unit')!;
    expect([count.value, unit.value]).toEqual(['30', 'days']);
    expect(view.host.querySelector('#field-stages-intake-deadlines-0-words')!.textContent).toBe('Falls due after 30 days.');
    await typeInto(count, '4');
    expect((changes.at(-1) as { deadlines: Array<{ after: string }> }).deadlines[0]!.after).toBe('P4D');
    await act(async () => {
      unit.value = 'months';
      unit.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect((changes.at(-1) as { deadlines: Array<{ after: string }> }).deadlines[0]!.after).toBe('P4M');
  });

  it('offers the jurisdiction\'s setting a deadline was cloned with, and reads it in words', async () => {
    view = await render(inWorkflow(deadline({ parameter: 'reflectionPeriod' }), () => undefined));
    const unit = view.host.querySelector<HTMLSelectElement>('#field-stages-intake-deadlines-0-unit')!;
    expect(unit.value).toBe('parameter');
    expect(view.host.querySelector('#field-stages-intake-deadlines-0-count')).toBeNull();
    expect(view.host.querySelector('#field-stages-intake-deadlines-0-words')!.textContent).toBe(
      'Falls due after the jurisdiction\'s setting “End of the reflection period”.',
    );
  });

  it('refuses a number that is no whole number at its field, translated, and ties it to the field for screen readers', async () => {
    const problems = [{ path: '/stages/intake/deadlines/0/after', code: 'invalid-duration' }];
    view = await render(inWorkflow(deadline('P-3D'), () => undefined, problems));
    const field = view.host.querySelector<HTMLInputElement>('#field-stages-intake-deadlines-0-count')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = view.host.querySelector(`#${field.getAttribute('aria-describedby')!.split(' ')[0]}`)!;
    expect(message.textContent).toBe('Enter a whole number, 0 or more.');
  });
});

describe('StageNameFields', () => {
  it('names a stage the translations do not, and shows a name that is refused at its field, with the message', async () => {
    const names = { legalCounselling: { en: 'x'.repeat(81) } };
    const changes: Array<[string, string, string]> = [];
    const problems = [{ path: '/stageNames/legalCounselling/en', code: 'invalid-stage-name' }];
    view = await render(
      <DefinitionProvider value={{ id: 'finland-municipality', stages: {} }}>
        <StageNamesEditProvider value={{ names, setName: (...change) => changes.push(change) }}>
          <ProblemsProvider value={problems}>
            <StageNameFields stageId="legalCounselling" />
            <StageNameFields stageId="assistance" />
          </ProblemsProvider>
        </StageNamesEditProvider>
      </DefinitionProvider>,
    );
    // The template's stage is named by the translations: nothing to give it here.
    expect(texts(view.host, 'legend')).toEqual(['Name of the stage']);
    const field = view.host.querySelector<HTMLInputElement>('#field-stageNames-legalCounselling-en')!;
    expect(field.labels![0]!.textContent).toBe('Name in English');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(view.host.querySelector(`#${field.getAttribute('aria-describedby')!}`)!.textContent).toBe(
      'A stage name has at most 80 characters and cannot be only spaces.',
    );
    await typeInto(field, 'Legal counselling');
    expect(changes).toEqual([['legalCounselling', 'en', 'Legal counselling']]);
  });
});
