/** @jest-environment ./test/helpers/jsdom-environment.cjs */
// Client views that read the server's answers through the shared contract (server/src/contracts): a case's
// deadlines (names from the contract's i18n keys), a submission's answers (the contract's component walker decides
// where a value sits) and the translation editor (the contract's translatable strings, as the server counts them).
import type { CaseDeadline } from '@contracts/cases/case-view.types';
import type { FormComponent } from '@contracts/forms/form.types';
import { translatableStrings } from '@contracts/forms/translatable-strings-collector';
import { CaseDeadlines } from '../../../client/src/features/cases/CaseDeadlines';
import { SubmissionAnswers } from '../../../client/src/features/cases/SubmissionAnswers';
import { TranslationEditor } from '../../../client/src/features/forms/TranslationEditor';
import type { FormDetail } from '../../../client/src/features/forms/form.types';
import { render, texts, type Rendered } from '../../helpers/client-render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

describe('CaseDeadlines', () => {
  it('names deadlines and stages by the keys the server derives, soonest first, overdue ones marked', async () => {
    const deadlines: CaseDeadline[] = [
      { key: 'b', stagePath: 'assistance/plan', deadlineId: 'planReview', dueAt: '2999-05-01T09:00:00.000Z' },
      { key: 'a', stagePath: 'identification', deadlineId: 'reflectionPeriod', dueAt: '2001-01-01T09:00:00.000Z', event: 'reflectionEnded' },
    ];
    view = await render(<CaseDeadlines workflowId="finland-municipality" deadlines={deadlines} />);
    const rows = [...view.host.querySelectorAll('li')];
    expect(rows.map((row) => row.querySelector('strong')?.textContent)).toEqual(['End of the reflection period', 'Plan review']);
    expect(rows[0]!.className).toBe('overdue');
    expect(rows[0]!.querySelector('.status-tag')?.textContent).toBe('Overdue');
    expect(rows[1]!.textContent).toContain('(Plan of assistance)');
  });

  it('says so when there are none', async () => {
    view = await render(<CaseDeadlines deadlines={[]} />);
    expect(view.host.textContent).toBe('No deadlines.');
  });
});

describe('SubmissionAnswers', () => {
  const components: FormComponent[] = [
    { type: 'panel', key: 'person', title: 'Person', input: false, components: [{ type: 'textfield', key: 'name', label: 'Name', input: true }] },
    {
      type: 'columns',
      key: 'cols',
      input: false,
      columns: [{ components: [{ type: 'select', key: 'country', label: 'Country', input: true, data: { values: [{ label: 'Finland', value: 'fi' }] } }] }],
    },
    { type: 'datagrid', key: 'members', label: 'Household', input: true, components: [{ type: 'textfield', key: 'first', label: 'First name', input: true }] },
    { type: 'container', key: 'address', label: 'Address', input: true, components: [{ type: 'textfield', key: 'city', label: 'City', input: true }] },
    { type: 'htmlelement', key: 'intro', content: '<p>Hello</p>', input: false },
    { type: 'button', key: 'submit', label: 'Submit', input: true },
  ];

  it('shows each value under its label, looking through layout and into rows and containers', async () => {
    const data = { name: 'Ana', country: 'fi', members: [{ first: 'Ion' }], address: { city: 'Vantaa' }, extra: 7 };
    view = await render(<SubmissionAnswers components={components} data={data} translations={{ Name: 'Nimi' }} />);
    expect(texts(view.host, ':scope > dl > div > dt')).toEqual(['Nimi', 'Country', 'Household', 'Address', 'extra']);
    expect(texts(view.host, ':scope > dl > div > dd')).toEqual(['Ana', 'Finland', 'First nameIon', 'CityVantaa', '7']);
    expect(view.host.querySelector(':scope > dl > div:last-child > dt > code')?.textContent).toBe('extra');
  });
});

describe('TranslationEditor', () => {
  const form = (translations: FormDetail['translations']): FormDetail => ({
    id: 'f1',
    path: 'intake',
    title: 'Intake',
    publishedRevision: 1,
    latestRevision: 1,
    version: 3,
    revision: { number: 1, published: true },
    definition: {
      title: 'Intake',
      name: 'intake',
      path: 'intake',
      display: 'form',
      type: 'form',
      tags: [],
      properties: {},
      settings: {},
      components: [
        { type: 'panel', key: 'p', title: 'About you', label: 'Panel', input: false, components: [{ type: 'textfield', key: 'name', label: 'Your name', input: true, validate: { customMessage: 'Tell us your name' } }] },
        { type: 'radio', key: 'help', label: 'Need help?', input: true, values: [{ label: 'Yes', value: 'y' }, { label: 'No', value: 'n' }] },
      ],
    },
    translations,
  });

  it('lists the strings the server checks, the title first, and counts those still missing', async () => {
    const detail = form({ fi: { Intake: 'Vastaanotto', 'Your name': 'Nimesi' } });
    view = await render(<TranslationEditor form={detail} onSaved={() => undefined} />);
    const sources = texts(view.host, 'table.translations tbody th');
    expect(sources).toEqual(translatableStrings(detail.definition));
    expect(sources).toEqual(['Intake', 'About you', 'Your name', 'Tell us your name', 'Need help?', 'Yes', 'No']);
    expect(texts(view.host, 'tbody tr.missing th')).toEqual(['About you', 'Tell us your name', 'Need help?', 'Yes', 'No']);
    expect(view.host.querySelector('p[role="status"]')?.textContent).toBe('Not translated: 5 of 7 texts');
  });
});
