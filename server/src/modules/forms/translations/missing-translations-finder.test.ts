import { loadFixture } from '../../../../../test/helpers/forms-test-kit';
import type { FormLike } from '../../../contracts/forms/form.types';
import { missingTranslations } from './missing-translations-finder';
import { translatableStrings } from '../../../contracts/forms/translatable-strings-collector';

const form: FormLike = {
  display: 'wizard',
  title: 'Consent',
  components: [
    {
      type: 'panel', key: 'page1', title: 'Your rights', label: 'Page 1', input: false,
      components: [
        { type: 'content', key: 'info', input: false, html: '<p>You can withdraw consent at any time.</p>' },
        { type: 'textfield', key: 'name', label: 'Name', description: 'As you want to be called', placeholder: 'Name', tooltip: 'Any name', prefix: '@', suffix: '!', input: true,
          validate: { required: true, customMessage: 'Please tell us a name' }, errorLabel: 'Your name' },
        { type: 'select', key: 'language', label: 'Language', input: true, data: { values: [{ label: 'Finnish', value: 'fi' }, { label: 'Arabic', value: 'ar' }] } },
        { type: 'radio', key: 'share', label: 'Share with NAS', input: true, values: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] },
        { type: 'fieldset', key: 'fs', legend: 'Contact', input: false, components: [{ type: 'selectboxes', key: 'ways', label: 'Ways', input: true, values: [{ label: 'Phone', value: 'phone' }] }] },
        { type: 'button', key: 'submit', label: 'Send', input: true },
      ],
    },
  ],
};

describe('translatableStrings', () => {
  it('collects every string a reader sees, once', () => {
    expect(translatableStrings(form)).toEqual([
      'Consent', 'Your rights', '<p>You can withdraw consent at any time.</p>', 'Name', 'As you want to be called', 'Any name', '@', '!',
      'Your name', 'Please tell us a name', 'Language', 'Finnish', 'Arabic', 'Share with NAS', 'Yes', 'No', 'Contact', 'Ways', 'Phone', 'Send',
    ]);
  });

  it('includes the fixtures’ labels and option labels', () => {
    const strings = translatableStrings(loadFixture('validation-table-form.json'));
    expect(strings).toEqual(expect.arrayContaining(['Alias', 'English', 'Finnish', 'Contact name', 'Submit']));
  });
});

describe('missingTranslations', () => {
  it('lists untranslated and empty strings per language; English is the source', () => {
    const all = translatableStrings(form);
    const fi = Object.fromEntries(all.map((text) => [text, `fi:${text}`]));
    fi.Name = '';
    delete fi.Phone;
    expect(missingTranslations(form, { fi, sv: { Name: 'Namn' } }, ['en', 'fi', 'sv'])).toEqual({
      en: [],
      fi: ['Name', 'Phone'],
      sv: all.filter((text) => text !== 'Name'),
    });
  });
});
