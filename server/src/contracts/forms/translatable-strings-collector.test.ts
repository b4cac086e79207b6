import { translatableStrings } from './translatable-strings-collector';

// The strings a translator translates: the server checks a form's translations against them, the client's
// translation editor lists them.
describe('translatableStrings', () => {
  it('lists each text a reader meets once, in reading order, the title first', () => {
    const strings = translatableStrings({
      title: 'Needs assessment',
      components: [
        { type: 'panel', key: 'p', label: 'Panel 1', title: 'About you', input: false, components: [
          { type: 'textfield', key: 'name', label: 'Name', placeholder: 'First and last', description: 'As you like to be called', tooltip: 'Any name', input: true, validate: { customMessage: 'Please give a name' } },
          { type: 'textfield', key: 'alias', label: 'Name', input: true },
          { type: 'checkbox', key: 'quiet', label: 'Hidden label', hideLabel: true, input: true },
        ] },
        { type: 'select', key: 'lang', label: 'Language', input: true, data: { values: [{ label: 'Finnish', value: 'fi' }, { label: '', value: 'x' }] } },
        { type: 'radio', key: 'ok', label: 'All right?', input: true, values: [{ label: 'Yes', value: 'y' }] },
        { type: 'survey', key: 'feel', label: 'How do you feel', input: true, questions: [{ label: 'Safe', value: 'safe' }] },
        { type: 'tabs', key: 'tabs', input: false, components: [{ key: 'tab1', label: 'First tab', components: [] }] },
        { type: 'datagrid', key: 'rows', label: 'Household', addAnother: 'Add a person', input: true, components: [] },
        { type: 'htmlelement', key: 'intro', label: 'html1', content: '<p>Welcome</p>', input: false },
        { type: 'button', key: 'submit', label: 'Send', hideLabel: true, input: true },
      ],
    });
    expect(strings).toEqual([
      'Needs assessment',
      'About you',
      'Name', 'As you like to be called', 'First and last', 'Any name', 'Please give a name',
      'Language', 'Finnish',
      'All right?', 'Yes',
      'How do you feel', 'Safe',
      'First tab',
      'Household', 'Add a person',
      '<p>Welcome</p>',
      'Send',
    ]);
  });

  it('has nothing for an empty form', () => {
    expect(translatableStrings({ components: [] })).toEqual([]);
  });
});
